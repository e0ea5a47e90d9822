//! Community practice: checks from awslabs certlint and zlint's community lints that no
//! standard mandates but that catch certificates no one meant to issue.

pub mod domain_names;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[domain_names::RULES, validity::RULES];
