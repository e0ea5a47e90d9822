//! Results: a [`Finding`] per rule, collected in a [`Report`].

use alloc::{borrow::Cow, boxed::Box, vec::Vec};
use core::fmt;

use crate::cert_type::CertType;
use crate::rule::RuleMeta;

/// The result of one rule on one certificate, ordered by gravity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// The rule does not concern this certificate (type out of scope, field absent).
    NotApplicable,
    /// The certificate predates the rule's effective date, or postdates its end.
    NotEffective,
    /// The requirement holds.
    Pass,
    /// A failure of a rule of Notice severity.
    Notice,
    /// A failure of a SHOULD-level rule.
    Warn,
    /// A failure of a MUST-level rule.
    Error,
    /// The certificate (or a field a rule depends on) cannot be processed.
    Fatal,
}

impl Status {
    /// The short name used in output: `na`, `ne`, `pass`, `notice`, `warn`, `error`, `fatal`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::NotApplicable => "na",
            Self::NotEffective => "ne",
            Self::Pass => "pass",
            Self::Notice => "notice",
            Self::Warn => "warn",
            Self::Error => "error",
            Self::Fatal => "fatal",
        }
    }

    /// Whether it reports a problem (notice or worse).
    pub const fn is_problem(self) -> bool {
        matches!(self, Self::Notice | Self::Warn | Self::Error | Self::Fatal)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One rule's result on one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    rule: &'static RuleMeta,
    status: Status,
    /// Boxed, so that the findings of a report (mostly passes) stay three words each.
    detail: Option<Box<Detail>>,
}

/// What a failed rule said.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Detail {
    message: Cow<'static, str>,
    path: Option<&'static str>,
}

impl Finding {
    /// A finding with nothing to say beyond its status.
    pub(crate) const fn new(rule: &'static RuleMeta, status: Status) -> Self {
        Self { rule, status, detail: None }
    }

    /// A failure's finding.
    pub(crate) fn failed(
        rule: &'static RuleMeta,
        status: Status,
        message: Cow<'static, str>,
        path: Option<&'static str>,
    ) -> Self {
        Self { rule, status, detail: Some(Box::new(Detail { message, path })) }
    }

    /// The finding of a rule that panicked (a rule's contract is not to; the engines
    /// catch it, std only, and go on with the other rules).
    pub(crate) fn panicked(rule: &'static RuleMeta) -> Self {
        Self::failed(rule, Status::Fatal, Cow::Borrowed("internal error: the rule panicked on this input"), None)
    }

    /// The rule that produced it.
    pub fn rule(&self) -> &'static RuleMeta {
        self.rule
    }

    /// The status, after the policy's severity overrides.
    pub fn status(&self) -> Status {
        self.status
    }

    /// What is wrong (empty unless the rule failed).
    pub fn message(&self) -> &str {
        self.detail.as_ref().map_or("", |d| &d.message)
    }

    /// Where in the certificate, when the rule says.
    pub fn path(&self) -> Option<&'static str> {
        self.detail.as_ref().and_then(|d| d.path)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:<6} {}", self.status.as_str(), self.rule.id())?;
        if let Some(d) = &self.detail {
            write!(f, ": {}", d.message)?;
        }
        if !self.rule.cited().is_empty() {
            write!(f, " [{}]", self.rule.cited())?;
        }
        Ok(())
    }
}

/// Every rule's result on one certificate (or chain), in policy order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub(crate) cert_type: CertType,
    pub(crate) findings: Vec<Finding>,
}

impl Report {
    /// The certificate type the rules were applied for.
    pub fn cert_type(&self) -> CertType {
        self.cert_type
    }

    /// Every finding, pass and not-applicable included.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The findings at notice or above.
    pub fn problems(&self) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(|f| f.status.is_problem())
    }

    /// The finding of a rule, by id.
    pub fn get(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule.id() == id)
    }

    /// The gravest status (NotApplicable for an empty report).
    pub fn worst(&self) -> Status {
        self.findings.iter().map(|f| f.status).max().unwrap_or(Status::NotApplicable)
    }

    /// Whether anything is at error or fatal.
    pub fn has_errors(&self) -> bool {
        self.worst() >= Status::Error
    }
}

impl fmt::Display for Report {
    /// One line per problem, gravest first; `no problems found` when clean.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut problems: Vec<&Finding> = self.problems().collect();
        problems.sort_by_key(|f| core::cmp::Reverse(f.status));
        if problems.is_empty() {
            return writeln!(f, "no problems found ({} rules)", self.findings.len());
        }
        for p in problems {
            writeln!(f, "{p}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
mod serde_impl {
    use super::*;
    use serde::ser::{Serialize, SerializeStruct, Serializer};

    impl Serialize for Status {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(self.as_str())
        }
    }

    impl Serialize for Finding {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Finding", 7)?;
            st.serialize_field("rule", self.rule.id())?;
            st.serialize_field("status", &self.status)?;
            st.serialize_field("source", self.rule.source().as_str())?;
            st.serialize_field("citation", self.rule.cited())?;
            st.serialize_field("aliases", self.rule.alias_names())?;
            st.serialize_field("message", self.message())?;
            st.serialize_field("path", &self.path())?;
            st.end()
        }
    }

    impl Serialize for Report {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let mut st = s.serialize_struct("Report", 2)?;
            st.serialize_field("type", &self.cert_type)?;
            st.serialize_field("results", &self.findings)?;
            st.end()
        }
    }
}
