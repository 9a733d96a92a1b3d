//! Hash routes: the only place that knows what the app's URLs look like.
//!
//! Hash routes (`#/notes/s3---versioning`) because static hosts answer deep path links with 404 and
//! `leptos_router` 0.8 has no hash mode. [`Route::parse`] and [`Route::href`] are inverses (tested).

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `#/` (or no hash): the dashboard.
    Home,
    /// `#/notes`: the table of contents and search.
    Notes,
    /// `#/notes/<anchor>`: the notes opened at one section.
    Note(String),
    /// `#/exam/new`: choose an exam and start it.
    ExamSetup,
    /// `#/exam`: the exam in progress.
    Exam,
    /// `#/results/<attempt>`: the score of a finished attempt.
    Results(String),
    /// `#/history`: every finished attempt, trends, weak sections, export and import.
    History,
    /// `#/review/<attempt>` (every question) or `#/review/<attempt>/incorrect`: the answers given and the keys.
    Review(String, bool),
    /// Anything else; keeps what was asked for, to say so.
    NotFound(String),
}

impl Route {
    /// The route for a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.split(['?']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["notes"] => Route::Notes,
            ["notes", anchor] => Route::Note(decode(anchor)),
            ["exam", "new"] => Route::ExamSetup,
            ["exam"] => Route::Exam,
            ["history"] => Route::History,
            ["results", id] => Route::Results(decode(id)),
            ["review", id] => Route::Review(decode(id), false),
            ["review", id, "incorrect"] => Route::Review(decode(id), true),
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The `href` that leads to this route.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_string(),
            Route::Notes => "#/notes".to_string(),
            Route::Note(anchor) => format!("#/notes/{}", encode(anchor)),
            Route::ExamSetup => "#/exam/new".to_string(),
            Route::Exam => "#/exam".to_string(),
            Route::History => "#/history".to_string(),
            Route::Results(id) => format!("#/results/{}", encode(id)),
            Route::Review(id, false) => format!("#/review/{}", encode(id)),
            Route::Review(id, true) => format!("#/review/{}/incorrect", encode(id)),
            Route::NotFound(hash) => {
                if hash.starts_with('#') {
                    hash.clone()
                } else {
                    format!("#{hash}")
                }
            }
        }
    }
}

/// The value of query parameter `name` in a hash such as `#/notes/x?back=...` (decoded), if present.
/// Routes ignore queries; pages read the ones they understand (`back`, `q`, `section`).
pub fn query(hash: &str, name: &str) -> Option<String> {
    let (_, q) = hash.split_once('?')?;
    q.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (k == name).then(|| decode(v))
    })
}

/// `href` with query parameter `name` set to `value` (encoded).
pub fn with_query(href: &str, name: &str, value: &str) -> String {
    let sep = if href.contains('?') { '&' } else { '?' };
    format!("{href}{sep}{name}={}", encode(value))
}

/// `href` with query parameter `name` set to `value`, any earlier value of it removed (a link's way back
/// rewritten with the filters the learner chose since the page was drawn).
pub fn set_query(href: &str, name: &str, value: &str) -> String {
    let (path, q) = href.split_once('?').unwrap_or((href, ""));
    let kept: Vec<&str> = q
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(name))
        .collect();
    let rest = if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    with_query(&rest, name, value)
}

/// Percent-decodes a path segment (browsers encode non-ASCII anchors); invalid escapes stay as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

/// Percent-encodes what may not stand in a URL fragment path segment.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_a_query_parameter_once() {
        assert_eq!(
            set_query("#/notes/a", "back", "#/x"),
            "#/notes/a?back=%23%2Fx"
        );
        assert_eq!(
            set_query("#/notes/a?back=%23old&at=b", "back", "#/y?q=2&d=3"),
            "#/notes/a?at=b&back=%23%2Fy%3Fq%3D2%26d%3D3"
        );
        assert_eq!(
            set_query("#/r?backs=1&back=2", "back", "3"),
            "#/r?backs=1&back=3"
        );
        let back = set_query(
            "#/notes/a?back=%23old",
            "back",
            "#/review/a-1?q=4&s=flagged&d=2",
        );
        assert_eq!(
            query(&back, "back").as_deref(),
            Some("#/review/a-1?q=4&s=flagged&d=2")
        );
    }

    #[test]
    fn parses_the_known_shapes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/notes"), Route::Notes);
        assert_eq!(Route::parse("#/notes/"), Route::Notes);
        assert_eq!(
            Route::parse("#/notes/s3---versioning"),
            Route::Note("s3---versioning".into())
        );
        assert_eq!(
            Route::parse("#/notes/d%C3%A9j%C3%A0"),
            Route::Note("déjà".into())
        );
        assert_eq!(Route::parse("#/exam/new"), Route::ExamSetup);
        assert_eq!(Route::parse("#/exam"), Route::Exam);
        assert_eq!(
            Route::parse("#/results/abc-1"),
            Route::Results("abc-1".into())
        );
        assert_eq!(
            Route::parse("#/review/abc-1"),
            Route::Review("abc-1".into(), false)
        );
        assert_eq!(
            Route::parse("#/review/abc-1/incorrect"),
            Route::Review("abc-1".into(), true)
        );
        assert_eq!(Route::parse("#/nope"), Route::NotFound("#/nope".into()));
        assert_eq!(
            Route::parse("#/notes/a/b"),
            Route::NotFound("#/notes/a/b".into())
        );
    }

    #[test]
    fn href_and_parse_round_trip() {
        let routes = [
            Route::Home,
            Route::Notes,
            Route::Note("sse-kms".into()),
            Route::Note("iam---identity-and-access-management".into()),
            Route::Note("déjà vu/50%".into()),
            Route::ExamSetup,
            Route::Exam,
            Route::History,
            Route::Results("19a2b3c4d5e-2a".into()),
            Route::Review("19a2b3c4d5e-2a".into(), false),
            Route::Review("19a2b3c4d5e-2a".into(), true),
            Route::NotFound("#/what".into()),
        ];
        for r in routes {
            assert_eq!(Route::parse(&r.href()), r, "{}", r.href());
        }
    }

    #[test]
    fn queries_carry_page_state_and_do_not_change_the_route() {
        let back = Route::Review("a-1".into(), true).href() + "?q=12";
        let href = with_query(&Route::Note("aws-sqs".into()).href(), "back", &back);
        assert_eq!(Route::parse(&href), Route::Note("aws-sqs".into()));
        assert_eq!(query(&href, "back").as_deref(), Some(back.as_str()));
        assert_eq!(query(&back, "q").as_deref(), Some("12"));
        assert_eq!(
            query("#/exam/new?section=s3---cors", "section").as_deref(),
            Some("s3---cors")
        );
        assert_eq!(query("#/exam/new", "section"), None);
        assert_eq!(query("#/x?a=1&b=2", "b").as_deref(), Some("2"));
        assert_eq!(with_query("#/x?a=1", "b", "c d"), "#/x?a=1&b=c%20d");
    }

    #[test]
    fn broken_escapes_are_kept() {
        assert_eq!(Route::parse("#/notes/a%2"), Route::Note("a%2".into()));
        assert_eq!(Route::parse("#/notes/%FF"), Route::Note("%FF".into()));
    }
}
