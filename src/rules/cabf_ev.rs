//! CA/Browser Forum Guidelines for the Issuance and Management of Extended Validation
//! Certificates (EVG), version 2.0.2, with the 1.x rules for older certificates: the EV
//! subject (§7.1.4.2), the cabfOrganizationIdentifier extension (§7.1.2.2), the EV
//! subjectAltName (§7.1.2.1), policies and validity.

pub mod extensions;
pub mod policies;
pub mod san;
pub mod subject;
pub mod validity;

use crate::rule::Rule;

pub(crate) static RULES: &[&[&dyn Rule]] =
    &[subject::RULES, extensions::RULES, san::RULES, policies::RULES, validity::RULES];
