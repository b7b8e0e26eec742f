//! Staff write service texts in Markdown; the pages show them as HTML that cannot carry anything
//! dangerous: pulldown-cmark renders, ammonia keeps only the few tags a text needs. Raw HTML in the
//! Markdown never reaches the page.

use std::collections::HashSet;

use pulldown_cmark::{html, Event, Options, Parser, TagEnd};

/// Markdown to HTML that is safe to insert into a page.
pub fn to_safe_html(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH);
    let mut unsafe_html = String::new();
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .tags(HashSet::from([
            "p",
            "ul",
            "ol",
            "li",
            "strong",
            "em",
            "a",
            "br",
            "del",
            "blockquote",
        ]))
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
    fn plain_text_drops_the_markup() {
        assert_eq!(plain_text("**Porta** [questo](/x)").trim(), "Porta questo");
    }
}
