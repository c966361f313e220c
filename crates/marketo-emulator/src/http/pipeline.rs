//! The ordered guards every Marketo request passes, each failing with a catalogued error:
//!
//! request id -> URI length (414) -> body size (413, counted while streaming) -> `_method=GET` override ->
//! unknown path (610) -> wrong method (605) -> content type (612) -> JSON (609) -> auth (600/601/602/603) ->
//! concurrency (615) -> rate window (606) -> daily quota (607) -> injected faults -> handler (+ latency model)
//! -> record-level faults (skipped records rewritten into the handler's answer)
//!
//! then the counting rule: a call answered 601, 602, 604, 605, 608, 611 (the catalogue's uncounted codes) gives
//! back what it took from the window and the quota; any other answer counts; identity calls never count.

use super::auth;
use super::error::{render, Failure, Reply};
use super::extract::{self, Params};
use super::log;
use super::multipart;
use super::router::{self, BodyKind, Found, Handler};
use crate::calls::body::LoggedBody;
use crate::calls::CallRecord;
use crate::config::Role;
use crate::fault::records::{self, Held};
use crate::fault::FaultEffect;
use crate::limiter::Taken;
use crate::resources::Call;
use crate::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::response::Response;
use bytes::Bytes;
use http::Method;
use marketo_types::request_id;

/// Bytes a bulk import body may carry beyond the file limit: the multipart boundaries, part headers and text
/// parameters.
const MULTIPART_FRAMING: usize = 64 * 1024;

/// What a call took and who made it, gathered while the guards run.
#[derive(Debug, Default)]
struct Trace {
    taken: Taken,
    client_id: Option<String>,
    identity: bool,
    /// The body as received (for the request log).
    body: Bytes,
    /// The fault rule that fired.
    fault: Option<u64>,
}

/// The axum handler behind every Marketo path.
pub async fn handle(State(state): State<AppState>, req: Request<Body>) -> Response {
    let arrived = state.now();
    let rid = request_id::random(arrived);
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let query = req.uri().query().map(|q| state.redactor.text(q));
    let request_headers = log::request_headers(&state, req.headers());
    let mut trace = Trace::default();
    let outcome = run(&state, &rid, req, &mut trace).await;
    let (status, code, counted) = match &outcome {
        Ok(reply) => (reply.status(), None, !trace.identity),
        Err(f) => {
            let code = match f {
                Failure::Api(e) => Some(e.code.value()),
                _ => None,
            };
            (f.status(), code, !trace.identity && f.counted())
        }
    };
    let dropped = matches!(outcome, Err(Failure::Drop));
    let raw = matches!(&outcome, Ok(Reply { raw: Some(_), .. }));
    let (response, response_type, response_body) =
        log::response(&state, render(&rid, outcome), raw).await;
    let answered = state.now();
    state.limiter.settle(answered, trace.taken, counted);
    state.record_call(CallRecord {
        method,
        path,
        query,
        status,
        code,
        counted,
        dropped,
        fault: trace.fault,
        request_id: rid,
        at: arrived,
        duration_us: u64::try_from((answered - arrived).num_microseconds().unwrap_or(0))
            .unwrap_or(0),
        client_id: trace.client_id,
        request_headers,
        request_body: LoggedBody::capture(&trace.body, &state.redactor),
        response_type,
        response_body,
        ..CallRecord::default()
    });
    response
}

fn is_blank(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

async fn run(
    state: &AppState,
    rid: &str,
    req: Request<Body>,
    trace: &mut Trace,
) -> Result<Reply, Failure> {
    let limits = &state.config.limits;
    let uri_len = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    let (parts, mut body) = req.into_parts();
    if uri_len > limits.max_uri_bytes {
        extract::drain(&mut body).await;
        return Err(Failure::Http(414));
    }
    // A bulk import carries a file of up to 10 MB plus its multipart framing.
    let bulk_body = matches!(
        router::find(parts.method.as_str(), parts.uri.path()),
        Found::Route(r, _) if r.bulk_body
    );
    let max_body = if bulk_body {
        state
            .config
            .bulk
            .max_import_bytes
            .saturating_add(MULTIPART_FRAMING)
    } else {
        limits.max_body_bytes
    };
    let mut body = extract::read_body(&parts.headers, body, max_body).await?;
    trace.body = body.clone();
    let mut params = Params::parse(parts.uri.query().unwrap_or(""));
    let mut method = parts.method.clone();

    // POST with `_method=GET` (in the form body or the URL) stands for the GET it carries; its parameters
    // come in a form body, or in a JSON body (read below, once the operation is known).
    let mut get_with_json = false;
    if method == Method::POST {
        let form = extract::is_form(&parts.headers);
        let form_params = if form {
            Params::parse(&String::from_utf8_lossy(&body))
        } else {
            Params::default()
        };
        let wants_get = params
            .get("_method")
            .or_else(|| form_params.get("_method"))
            .is_some_and(|m| m.eq_ignore_ascii_case("GET"));
        if wants_get {
            method = Method::GET;
            if form {
                params.extend(form_params);
                body = Bytes::new();
            } else {
                get_with_json = !is_blank(&body);
            }
            params.remove("_method");
        }
    }

    let path = parts.uri.path();
    let (route, path_params) = match router::find(method.as_str(), path) {
        Found::Route(route, params) => (route, params),
        Found::MethodNotAllowed => return Err(Failure::code(605, &[method.as_str()])),
        Found::NotFound => return Err(Failure::code(610, &[])),
    };
    let handler = match route.handler {
        Handler::Public(token) => {
            trace.identity = true;
            return token(state, &parts.headers, params, &body);
        }
        Handler::Inline(f) => (f, false),
        Handler::Blocking(f) => (f, true),
    };

    let mut upload = None;
    let json = match route.body {
        BodyKind::None | BodyKind::Form if get_with_json => {
            if !extract::is_json(&parts.headers) {
                return Err(Failure::code(612, &[]));
            }
            let json = extract::parse_json(&body)?;
            params.extend(Params::from_json_members(&json));
            Some(json)
        }
        BodyKind::None => None,
        BodyKind::Form => {
            if extract::is_form(&parts.headers) {
                params.extend(Params::parse(&String::from_utf8_lossy(&body)));
                None
            } else if extract::is_json(&parts.headers) && !is_blank(&body) {
                let json = extract::parse_json(&body)?;
                params.extend(Params::from_json_members(&json));
                Some(json)
            } else {
                None
            }
        }
        BodyKind::Multipart => {
            if !multipart::is_multipart(&parts.headers) {
                return Err(Failure::code(612, &[]));
            }
            let form = multipart::parse(&parts.headers, body.clone())?;
            params.extend(form.params);
            upload = form.file;
            None
        }
        BodyKind::OptionalJson if is_blank(&body) => None,
        BodyKind::Json | BodyKind::OptionalJson => {
            if !extract::is_json(&parts.headers) {
                return Err(Failure::code(612, &[]));
            }
            Some(extract::parse_json(&body)?)
        }
    };

    let user = auth::authenticate(state, &parts.headers, &params, state.now())?;
    trace.client_id = Some(user.client_id.clone());
    if route.writes && user.role == Role::ReadOnly {
        return Err(Failure::code(603, &[]));
    }

    let _slot = state
        .limiter
        .try_slot()
        .ok_or_else(|| Failure::code(615, &[&limits.concurrency.to_string()]))?;
    let now = state.now();
    if !state.limiter.admit_window(now, &mut trace.taken) {
        return Err(Failure::code(
            606,
            &[
                &limits.rate_limit.to_string(),
                &limits.rate_window_secs.to_string(),
            ],
        ));
    }
    if !state.limiter.take_quota(now, &mut trace.taken) {
        return Err(Failure::code(607, &[]));
    }

    let mut skip_records = None;
    if let Some(fault) = state.faults.fire(method.as_str(), path) {
        trace.fault = Some(fault.rule);
        if !fault.latency.is_zero() {
            tokio::time::sleep(fault.latency).await;
        }
        match fault.effect {
            FaultEffect::Error(code) => return Err(fault_error(state, code, &method)),
            FaultEffect::HttpStatus(status) => return Err(Failure::Http(status)),
            FaultEffect::Drop => return Err(Failure::Drop),
            FaultEffect::SkipRecords { code, records } => skip_records = Some((code, records)),
            FaultEffect::Proceed => {}
        }
    }

    // A record the answer calls skipped is never applied: the model answers a writing call's held records
    // skipped instead of applying them; a read's answer is rewritten after it.
    let (held, rewrite_after) = match skip_records {
        Some((code, records)) if route.records => (Some(Held { code, records }), None),
        other => (None, other),
    };
    // Campaign runs whose time has come happen before the call sees the data.
    state.runs.catch_up(&state.model, now);
    let call = Call {
        request_id: rid.to_owned(),
        path: path_params,
        params,
        json,
        user: user.clone(),
        now,
        upload,
        range: parts
            .headers
            .get(http::header::RANGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
        held,
    };
    let mut outcome = match handler {
        (f, false) => f(state, call),
        (f, true) => {
            let state = state.clone();
            // A panic in the handler is 611 "System error", never a crash.
            tokio::task::spawn_blocking(move || f(&state, call))
                .await
                .unwrap_or_else(|_| Err(Failure::code(611, &[])))
        }
    };
    if let Ok(reply) = outcome.as_mut() {
        let rewritten = rewrite_after
            .and_then(|(code, records)| records::rewrite(&reply.body, code, records, true));
        if let Some(body) = rewritten {
            reply.body = Bytes::from(body);
        }
    }
    let latency = &state.config.latency;
    if !latency.is_zero() {
        let records = outcome.as_ref().map_or(0, |r| r.records);
        tokio::time::sleep(latency.delay(records)).await;
    }
    outcome
}

/// An injected code, its template filled with this emulator's values where it has placeholders.
fn fault_error(state: &AppState, code: u16, method: &Method) -> Failure {
    let l = &state.config.limits;
    match code {
        605 => Failure::code(605, &[method.as_str()]),
        606 => Failure::code(
            606,
            &[&l.rate_limit.to_string(), &l.rate_window_secs.to_string()],
        ),
        615 => Failure::code(615, &[&l.concurrency.to_string()]),
        _ => Failure::code(code, &[]),
    }
}
