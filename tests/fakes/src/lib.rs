//! Fake AI providers for tests, on 127.0.0.1: the realtime voice APIs over WebSocket and the
//! chat APIs over HTTP. They speak the providers' wire protocols, check every message they
//! receive (event names, required fields, audio format, rate and frame size, tool schemas) and record what they saw, so a test drives the real client code and then asserts that
//! nothing was off.

pub mod gemini;
pub mod llm;
pub mod openai;
mod realtime;
pub mod script;
pub mod speech;
mod ws;
