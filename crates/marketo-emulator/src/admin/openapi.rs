//! `GET /_emulator/openapi.json`: the admin API as an OpenAPI 3.1 document, written by hand beside this file
//! (`openapi.json`) and embedded in the binary. A test checks that it has exactly the operations of
//! [`super::routes::ROUTES`].

use super::reply::AdminRequest;
use crate::state::AppState;
use axum::response::Response;
use http::{header, HeaderValue};

/// The document.
pub const DOCUMENT: &str = include_str!("openapi.json");

/// `GET /openapi.json`.
pub fn document(_: &AppState, _: &AdminRequest) -> Response {
    let mut resp = Response::new(axum::body::Body::from(DOCUMENT));
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    resp
}

#[cfg(test)]
mod tests {
    use super::super::routes::ROUTES;
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn the_document_has_exactly_the_routes_of_the_table() {
        let doc: serde_json::Value = serde_json::from_str(DOCUMENT).expect("openapi.json parses");
        assert_eq!(doc["openapi"], "3.1.0");
        let mut documented = BTreeSet::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for method in item.as_object().expect("path item").keys() {
                if ["get", "post", "delete"].contains(&method.as_str()) {
                    let op = &item[method];
                    assert!(op["summary"].is_string(), "{method} {path} has a summary");
                    assert!(op["responses"].is_object(), "{method} {path} has responses");
                    documented.insert((method.to_uppercase(), path.clone()));
                }
            }
        }
        let table: BTreeSet<(String, String)> = ROUTES
            .iter()
            .map(|r| (r.method.to_owned(), format!("/_emulator{}", r.path)))
            .collect();
        assert_eq!(documented, table);
    }
}
