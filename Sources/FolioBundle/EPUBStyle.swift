/// The stylesheet of every EPUB: readable defaults that leave fonts and colours to the reader.
enum EPUBStyle {
    static let css = """
    body { margin: 0 5%; line-height: 1.5; }
    h1, h2, h3, h4 { line-height: 1.25; page-break-after: avoid; break-after: avoid; }
    h1 { font-size: 1.6em; margin: 1em 0 .5em; }
    h2 { font-size: 1.3em; margin: 1.2em 0 .4em; }
    h3 { font-size: 1.1em; }
    p { margin: 0 0 .8em; }
    .cover { margin: 0; padding: 0; text-align: center; }
    .cover img { max-width: 100%; max-height: 100vh; }
    .title-page h1 { font-size: 2em; margin-top: 2em; }
    .subtitle { font-size: 1.2em; font-style: italic; }
    .imprint, .authors, .byline { font-style: italic; }
    .source-note { font-size: .85em; margin-top: 2em; }
    table { border-collapse: collapse; margin: 1em 0; width: 100%; font-size: .9em; }
    th, td { border: 1px solid #999; padding: .25em .5em; vertical-align: top; }
    th { font-weight: bold; }
    figure { margin: 1em 0; padding: .5em 1em; border-left: 3px solid #999; }
    figcaption { font-weight: bold; }
    .figure-note { font-size: .9em; font-style: italic; }
    .image-missing { font-style: italic; }
    blockquote { margin: 1em 1.5em; font-style: italic; }
    pre { white-space: pre-wrap; font-size: .9em; }
    .footnotes { margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; font-size: .9em; }
    .footnotes aside { margin: 0 0 .5em; }
    a.footnote-backref { text-decoration: none; }
    .footnote-label { font-weight: bold; }
    sup { line-height: 0; }
    .index-terms { list-style: none; padding: 0; }
    .index-terms li { margin: 0 0 .4em; padding-left: 1.5em; text-indent: -1.5em; }
    .term { font-weight: bold; }
    nav#landmarks { display: none; }

    """
}
