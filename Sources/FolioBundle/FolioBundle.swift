/// The FolioBundle module; see README.md for the stage it owns.
public enum FolioBundleModule {}
