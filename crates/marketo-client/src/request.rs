//! A logical API request, turned into HTTP for each attempt: with the current token, and as
//! `POST` + `_method=GET` when a `GET` would pass the 8 KB URI limit (or was answered 414).

use crate::secret::Secret;
use crate::transport::{HttpRequest, Method};
use bytes::Bytes;
use marketo_types::limits::MAX_URI_BYTES;

const JSON: &str = "application/json";
const FORM: &str = "application/x-www-form-urlencoded";

/// The body of a logical request.
#[derive(Debug, Clone)]
pub(crate) enum ApiBody {
    /// No body.
    Empty,
    /// A JSON body, already serialised (its exact size is known).
    Json(Bytes),
    /// The parameters themselves, form-encoded in the body instead of the query string.
    Form,
    /// A `multipart/form-data` body, already assembled, and its boundary.
    Multipart {
        /// The boundary named in the `Content-Type`.
        boundary: String,
        /// The whole body.
        body: Bytes,
    },
}

/// A request to the REST API, independent of the token and of how it travels: what an
/// [`Operation`](crate::operations::Operation) asks for. The client adds the token on each attempt, and sends a
/// `GET` whose URI would pass 8 KB as `POST` with `_method=GET` and the query in a form body.
///
/// ```
/// use marketo_client::operations::ApiRequest;
/// let r = ApiRequest::get("/rest/v1/leads.json").param("filterType", "email").param("filterValues", "a@b.c");
/// assert_eq!(r.path(), "/rest/v1/leads.json");
/// ```
#[derive(Debug, Clone)]
pub struct ApiRequest {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: Vec<(String, String)>,
    pub(crate) body: ApiBody,
    /// Send a GET as POST + `_method=GET` whatever its length (set after a 414).
    pub(crate) force_post: bool,
    /// Codes handed straight back to the caller instead of being retried by the call loop (the bulk queue
    /// codes, whose waits are minutes, not the call loop's seconds).
    pub(crate) return_codes: &'static [u16],
}

impl ApiRequest {
    /// A `GET` of `path` (`/rest/v1/leads.json`), parameters added with [`param`](Self::param).
    pub fn get(path: impl Into<String>) -> Self {
        ApiRequest {
            method: Method::Get,
            path: path.into(),
            query: Vec::new(),
            body: ApiBody::Empty,
            force_post: false,
            return_codes: &[],
        }
    }

    /// A `POST` of `path` with a JSON body, already serialised.
    ///
    /// ```
    /// use marketo_client::operations::ApiRequest;
    /// let r = ApiRequest::post_json("/rest/v1/leads/delete.json", r#"{"input":[{"id":1}]}"#.into());
    /// assert_eq!(r.path(), "/rest/v1/leads/delete.json");
    /// ```
    pub fn post_json(path: impl Into<String>, body: Bytes) -> Self {
        ApiRequest {
            method: Method::Post,
            path: path.into(),
            query: Vec::new(),
            body: ApiBody::Json(body),
            force_post: false,
            return_codes: &[],
        }
    }

    pub(crate) fn post_multipart(path: impl Into<String>, boundary: String, body: Bytes) -> Self {
        ApiRequest {
            method: Method::Post,
            path: path.into(),
            query: Vec::new(),
            body: ApiBody::Multipart { boundary, body },
            force_post: false,
            return_codes: &[],
        }
    }

    /// The same `POST` with its parameters in a form body rather than the query string: for values that may
    /// pass the 8 KB URI limit (an asset's content).
    ///
    /// ```
    /// use marketo_client::operations::ApiRequest;
    /// use marketo_client::transport::Method;
    /// let r = ApiRequest::get("/rest/asset/v1/snippet/1/content.json")
    ///     .with_method(Method::Post)
    ///     .param("type", "HTML")
    ///     .form_body();
    /// assert_eq!(r.method(), Method::Post);
    /// ```
    pub fn form_body(mut self) -> Self {
        self.body = ApiBody::Form;
        self
    }

    /// Hand `codes` back to the caller instead of retrying them.
    pub(crate) fn returning(mut self, codes: &'static [u16]) -> Self {
        self.return_codes = codes;
        self
    }

    /// The same request with another method (`DELETE` for Remove from List).
    ///
    /// ```
    /// use marketo_client::operations::ApiRequest;
    /// use marketo_client::transport::Method;
    /// let r = ApiRequest::post_json("/rest/v1/lists/1/leads.json", "{}".into()).with_method(Method::Delete);
    /// assert_eq!(r.method(), Method::Delete);
    /// ```
    pub fn with_method(mut self, method: Method) -> Self {
        self.method = method;
        self
    }

    /// The same request with a query parameter added (kept in order; the form body of a long `GET`).
    pub fn param(mut self, key: &str, value: impl Into<String>) -> Self {
        self.query.push((key.to_owned(), value.into()));
        self
    }

    /// The path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The method (before any `_method=GET` resend).
    pub fn method(&self) -> Method {
        self.method
    }

    fn encoded_query(&self) -> String {
        serde_urlencoded::to_string(&self.query).unwrap_or_default()
    }

    /// The URL a plain request would use.
    pub(crate) fn plain_url(&self, base: &str) -> String {
        let q = self.encoded_query();
        if q.is_empty() {
            format!("{base}{}", self.path)
        } else {
            format!("{base}{}?{q}", self.path)
        }
    }

    /// Whether this request travels as `POST` with `_method=GET` in a form body.
    pub(crate) fn travels_as_post(&self, base: &str) -> bool {
        self.method == Method::Get
            && (self.force_post || self.plain_url(base).len() > MAX_URI_BYTES)
    }

    /// The HTTP request for one attempt. `base` is the endpoint without a trailing slash.
    pub(crate) fn to_http(&self, base: &str, token: Option<Secret>) -> HttpRequest {
        if self.travels_as_post(base) {
            let mut form = self.query.clone();
            form.push(("_method".to_owned(), "GET".to_owned()));
            let body = serde_urlencoded::to_string(&form).unwrap_or_default();
            return HttpRequest {
                method: Method::Post,
                url: format!("{base}{}", self.path),
                bearer: token,
                content_type: Some(FORM),
                body: Some(Bytes::from(body)),
                body_is_secret: false,
                headers: Vec::new(),
            };
        }
        if matches!(self.body, ApiBody::Form) && self.method != Method::Get {
            return HttpRequest {
                method: self.method,
                url: format!("{base}{}", self.path),
                bearer: token,
                content_type: Some(FORM),
                body: Some(Bytes::from(self.encoded_query())),
                body_is_secret: false,
                headers: Vec::new(),
            };
        }
        let mut headers = Vec::new();
        let (content_type, body) = match &self.body {
            ApiBody::Empty | ApiBody::Form => (None, None),
            ApiBody::Json(b) => (Some(JSON), Some(b.clone())),
            ApiBody::Multipart { boundary, body } => {
                headers.push((
                    "content-type",
                    format!("multipart/form-data; boundary={boundary}"),
                ));
                (None, Some(body.clone()))
            }
        };
        HttpRequest {
            method: self.method,
            url: self.plain_url(base),
            bearer: token,
            content_type,
            body,
            body_is_secret: false,
            headers,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_gets_stay_gets() {
        let r = ApiRequest::get("/rest/v1/leads.json")
            .param("filterType", "email")
            .param("filterValues", "a@b.c");
        let h = r.to_http("http://h", Some(Secret::new("t")));
        assert_eq!(h.method, Method::Get);
        assert_eq!(
            h.url,
            "http://h/rest/v1/leads.json?filterType=email&filterValues=a%40b.c"
        );
        assert!(h.body.is_none());
    }

    #[test]
    fn long_gets_become_post_with_method_get_in_a_form_body() {
        let values: Vec<String> = (0..300)
            .map(|i| format!("someone.rather.long-{i}@example.com"))
            .collect();
        let r = ApiRequest::get("/rest/v1/leads.json")
            .param("filterType", "email")
            .param("filterValues", values.join(","));
        assert!(r.plain_url("http://h").len() > MAX_URI_BYTES);
        let h = r.to_http("http://h", None);
        assert_eq!(h.method, Method::Post);
        assert_eq!(h.url, "http://h/rest/v1/leads.json");
        assert_eq!(h.content_type, Some(FORM));
        let body = String::from_utf8(h.body.unwrap().to_vec()).unwrap();
        assert!(body
            .starts_with("filterType=email&filterValues=someone.rather.long-0%40example.com%2C"));
        assert!(body.ends_with("&_method=GET"));
    }

    #[test]
    fn a_form_body_post_keeps_its_parameters_out_of_the_uri() {
        let big = "x".repeat(MAX_URI_BYTES);
        let r = ApiRequest::get("/p")
            .with_method(Method::Post)
            .param("content", big.as_str())
            .form_body();
        let h = r.to_http("http://h", None);
        assert_eq!((h.method, h.url.as_str()), (Method::Post, "http://h/p"));
        assert_eq!(h.content_type, Some(FORM));
        let body = String::from_utf8(h.body.unwrap().to_vec()).unwrap();
        assert_eq!(body, format!("content={big}"));
    }

    #[test]
    fn the_uri_limit_is_exact() {
        let base = "http://h";
        let path = "/p";
        // "http://h/p?v=" is 13 bytes.
        let at_limit = ApiRequest::get(path).param("v", "x".repeat(MAX_URI_BYTES - 13));
        assert_eq!(at_limit.plain_url(base).len(), MAX_URI_BYTES);
        assert!(!at_limit.travels_as_post(base));
        let over = ApiRequest::get(path).param("v", "x".repeat(MAX_URI_BYTES - 12));
        assert!(over.travels_as_post(base));
        let mut forced = at_limit.clone();
        forced.force_post = true;
        assert!(forced.travels_as_post(base));
    }
}
