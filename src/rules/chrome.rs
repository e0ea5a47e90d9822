//! Chrome Root Program Policy, version 1.8.

pub mod dedicated_hierarchy;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[dedicated_hierarchy::RULES];
