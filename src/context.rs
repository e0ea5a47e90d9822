//! What the caller tells the linter: the time, the intended certificate type, and
//! configuration for rules that take any.

use alloc::{string::String, vec::Vec};

use crate::cert_type::CertType;
use crate::oid::ObjectIdentifier;
use crate::time::Time;

/// Evaluation context. The default has no time (rules that need "now" are not
/// applicable), detects the certificate type, and configures nothing.
#[derive(Debug, Clone, Default)]
pub struct Context {
    time: Option<Time>,
    cert_type: Option<CertType>,
    precertificate: Option<bool>,
    host: Option<String>,
    purposes: Vec<ObjectIdentifier>,
    config: Vec<(String, String)>,
    verifier: crate::chain::VerifierChoice,
}

impl Context {
    /// A context evaluated at `time`.
    pub fn at(time: Time) -> Self {
        Self { time: Some(time), ..Self::default() }
    }

    /// Sets the evaluation time.
    pub fn with_time(mut self, time: Time) -> Self {
        self.time = Some(time);
        self
    }

    /// Overrides certificate type detection.
    pub fn with_type(mut self, t: CertType) -> Self {
        self.cert_type = Some(t);
        self
    }

    /// Says whether the certificate is meant to be a precertificate (`true`) or a final
    /// certificate (`false`). Detection cannot tell a final certificate that wrongly
    /// carries the CT poison from a precertificate, nor a precertificate that lacks it
    /// from a final certificate; a CA's pipeline knows which it is producing.
    pub fn with_precertificate(mut self, precertificate: bool) -> Self {
        self.precertificate = Some(precertificate);
        self
    }

    /// The host name a chain is expected to serve.
    pub fn with_host(mut self, host: impl Into<String>) -> Self {
        self.host = Some(host.into());
        self
    }

    /// A key purpose the chain must allow.
    pub fn with_purpose(mut self, eku: ObjectIdentifier) -> Self {
        self.purposes.push(eku);
        self
    }

    /// Sets a configuration value for a rule, keyed `<rule id>.<name>`.
    pub fn with_config(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.config.push((key.into(), value.into()));
        self
    }

    /// The evaluation time, if given.
    pub fn time(&self) -> Option<Time> {
        self.time
    }

    /// The type override, if given.
    pub fn cert_type(&self) -> Option<CertType> {
        self.cert_type
    }

    /// Whether the caller says the certificate is a precertificate, if it says.
    pub fn precertificate(&self) -> Option<bool> {
        self.precertificate
    }

    /// The expected host name, if given.
    pub fn host(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The required key purposes.
    pub fn purposes(&self) -> &[ObjectIdentifier] {
        &self.purposes
    }

    /// A configuration value (the last one set for the key).
    pub fn config(&self, key: &str) -> Option<&str> {
        self.config.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Sets the signature verifier that chain linting uses (see
    /// [`crate::chain::SignatureVerifier`]). Without one, the `verify` feature's
    /// [`RustCryptoVerifier`](crate::chain) is used when enabled; otherwise signature rules
    /// are not applicable.
    pub fn with_verifier(mut self, verifier: impl crate::chain::SignatureVerifier + 'static) -> Self {
        self.verifier = crate::chain::VerifierChoice::Custom(alloc::sync::Arc::new(verifier));
        self
    }

    /// Turns signature checks off for chain linting, even with the `verify` feature.
    pub fn without_signature_checks(mut self) -> Self {
        self.verifier = crate::chain::VerifierChoice::Disabled;
        self
    }

    /// The signature verifier in effect, if any.
    pub fn verifier(&self) -> Option<&dyn crate::chain::SignatureVerifier> {
        self.verifier.get()
    }

    /// The same context without the certificate-type override (for the certificates of a
    /// chain above the leaf).
    pub(crate) fn without_type(&self) -> Self {
        Self { cert_type: None, ..self.clone() }
    }
}
