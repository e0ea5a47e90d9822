//! Certificate policies.
use crate::rule::Rule;
pub(crate) static RULES: &[&dyn Rule] = &[];
