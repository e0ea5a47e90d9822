//! Root CA certificate extensions (TLS BR §7.1.2.1.2).

use crate::oid::ext;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&RootEkuPresent];

/// `cabf_br.root_eku_present`
///
/// **What it checks**: a root CA certificate has no extKeyUsage extension.
///
/// **Why it matters**: TLS BR §7.1.2.1.2 lists extKeyUsage as MUST NOT be present in a
/// root certificate: purposes are restricted on the subordinates, and an EKU on a root
/// constrains relying parties inconsistently.
///
/// **Example**: a root with `extKeyUsage: serverAuth` fails; without it passes;
/// subordinate CAs are not applicable.
pub struct RootEkuPresent;

impl Rule for RootEkuPresent {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.root_eku_present", Source::CabfBr, Severity::Error)
            .summary("root CA certificates must not contain extKeyUsage")
            .citation("TLS BR §7.1.2.1.2")
            .scope(Scope::ROOT)
            .effective(Time::ymd(2012, 7, 1))
            .aliases(&["zlint:e_root_ca_extended_key_usage_present"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        Outcome::check(!cert.has_extension(&ext::EXT_KEY_USAGE), "the root certificate contains extKeyUsage")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn root_eku() {
        assert_status(&RootEkuPresent, &CertBuilder::root(), Status::Pass);
        let b = CertBuilder::root().ext(&ext::EXT_KEY_USAGE, false, &seq(&[&oid(&crate::oid::eku::SERVER_AUTH)]));
        assert_status(&RootEkuPresent, &b, Status::Error);
        assert_status(&RootEkuPresent, &CertBuilder::sub_ca(), Status::NotApplicable);
        let old = b.validity(Time::ymd(2012, 6, 30), Time::ymd(2030, 1, 1));
        assert_status(&RootEkuPresent, &old, Status::NotEffective);
    }
}
