//! Apple Root Program Policy, version 2.0.

pub mod dedicated_hierarchy;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] = &[dedicated_hierarchy::RULES];
