// The `FolioTheme` module: this folder's templates and assets, embedded in the binary at build
// time by the ThemeEmbedder plugin (generated `EmbeddedTheme`). FolioSite reads them through
// `BuiltinTheme`. This file is not part of the theme.
