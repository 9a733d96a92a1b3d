//! The part of wasm-streams' API that server_fn's browser client names, without its JavaScript classes.
//!
//! Leptos always builds server_fn with its `browser` feature, and that pulls in wasm-streams, whose
//! `#[wasm_bindgen]` classes (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`)
//! are exported from the wasm whether or not anything uses them, so the linker keeps them and all they
//! call: about 4.3 KB of the brotli wasm and 0.9 KB of the JavaScript glue. This app has no server (and
//! so no server functions); server_fn reaches wasm-streams only to stream a server function's request
//! body or response, which never happens here. This crate offers the same names so server_fn compiles,
//! and fails loudly, never silently, if a later change ever calls them.

use futures_util::stream::{self, Stream};
use wasm_bindgen::JsValue;

/// Why a call reached this crate.
const NOT_BUILT: &str =
    "streaming server functions are not built into this app (src/shim/wasm-streams replaces wasm-streams)";

/// A browser `ReadableStream`, held as it came.
pub struct ReadableStream {
    raw: web_sys::ReadableStream,
}

impl ReadableStream {
    /// Wraps a browser stream (server_fn: a streaming response's body).
    pub fn from_raw(raw: web_sys::ReadableStream) -> Self {
        Self { raw }
    }

    /// server_fn calls this only to stream a request body to a server function.
    ///
    /// # Panics
    /// Always: sending an empty body in its place would lose the caller's data without a word.
    pub fn from_stream<St>(_stream: St) -> Self
    where
        St: Stream<Item = Result<JsValue, JsValue>> + 'static,
    {
        panic!("{NOT_BUILT}")
    }

    /// The browser stream back.
    pub fn into_raw(self) -> web_sys::ReadableStream {
        self.raw
    }

    /// A stream of the body's chunks: here one error saying why, which server_fn reports as a failed
    /// request (reading the body would need the classes this crate leaves out).
    pub fn into_stream(self) -> impl Stream<Item = Result<JsValue, JsValue>> + Unpin {
        stream::iter([Err(JsValue::from_str(NOT_BUILT))])
    }
}
