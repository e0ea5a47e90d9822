//! Community practice: checks other linters run that no normative text spells out.

pub mod key;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[key::RULES];
