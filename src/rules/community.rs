//! Community practice: checks that zlint, awslabs certlint and pkilint run without a
//! normative text requiring them, because the defects they catch are common mistakes.

pub mod domain_names;
pub mod key;
pub mod subject;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[subject::RULES, domain_names::RULES, key::RULES, validity::RULES];
