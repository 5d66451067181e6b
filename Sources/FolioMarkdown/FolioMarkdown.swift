/// The FolioMarkdown module; see README.md for the stage it owns.
public enum FolioMarkdownModule {}
