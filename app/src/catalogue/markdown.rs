//! Staff write service texts in Markdown; the pages show them as HTML that cannot carry anything
//! dangerous: pulldown-cmark renders, ammonia keeps only the few tags a text needs. Raw HTML in the
//! Markdown never reaches the page.

use std::collections::HashSet;

use pulldown_cmark::{html, Event, Options, Parser, TagEnd};

/// Tags a section of text may use.
const TEXT_TAGS: [&str; 10] = ["p", "ul", "ol", "li", "strong", "em", "a", "br", "del", "blockquote"];

/// Markdown to HTML that is safe to insert into a page (no headings: a section of a page).
pub fn to_safe_html(markdown: &str) -> String {
    clean(markdown, HashSet::from(TEXT_TAGS))
}

/// The same for a whole page of text, which has its own sub-headings (`##` and `###` become h2 and
/// h3 under the page's h1).
pub fn to_safe_html_with_headings(markdown: &str) -> String {
    let mut tags = HashSet::from(TEXT_TAGS);
    tags.extend(["h2", "h3"]);
    clean(markdown, tags)
}

fn clean(markdown: &str, tags: HashSet<&'static str>) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .tags(tags)
        .url_schemes(HashSet::from(["https", "mailto", "tel"]))
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

/// The words of a Markdown text without its markup: for search and readability checks.
pub fn plain_text(markdown: &str) -> String {
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            // Blocks end a line (a list item without a full stop still ends a sentence for a
            // reader); inline markup such as bold or links does not.
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                text.push('\n')
            }
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_paragraphs_lists_and_links() {
        let html = to_safe_html("Porta con te:\n\n- un documento\n- l'**ISEE**\n\n[Prenota](/prenota)");
        assert!(html.contains("<ul>\n<li>un documento</li>"), "{html}");
        assert!(html.contains("<strong>ISEE</strong>"));
        assert!(
            html.contains("<a href=\"/prenota\" rel=\"noopener noreferrer\">Prenota</a>"),
            "{html}"
        );
    }

    #[test]
    fn raw_html_and_scripts_never_reach_the_page() {
        let html = to_safe_html(
            "Ciao <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) <b onclick=\"y\">z</b>",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror") && !html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn only_whole_pages_keep_their_headings() {
        assert!(!to_safe_html("## Titolo").contains("<h2>"));
        assert!(to_safe_html_with_headings("## Titolo").contains("<h2>Titolo</h2>"));
        assert!(
            !to_safe_html_with_headings("# Titolo").contains("<h1>"),
            "one h1 per page: the page's own"
        );
    }

    #[test]
    fn plain_text_drops_the_markup() {
        assert_eq!(plain_text("**Porta** [questo](/x)").trim(), "Porta questo");
    }
}
