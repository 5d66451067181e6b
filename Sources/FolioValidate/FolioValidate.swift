/// The FolioValidate module; see README.md for the stage it owns.
public enum FolioValidateModule {}
