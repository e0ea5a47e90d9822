//! Subscriber certificate extensions (TLS BR §7.1.2.7).

use crate::cert::KeyUsage;
use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SubscriberKeyUsageCertSign];

/// `cabf_br.subscriber_key_usage_cert_sign`
///
/// **What it checks**: a TLS subscriber certificate does not assert keyCertSign.
///
/// **Why it matters**: TLS BR §7.1.2.7.11 lists the key usages a subscriber key may carry;
/// keyCertSign is not among them, since a subscriber must not be able to sign
/// certificates.
///
/// **Example**: keyUsage `digitalSignature, keyCertSign` fails; `digitalSignature` passes;
/// a subscriber without keyUsage, or a CA, is not applicable.
pub struct SubscriberKeyUsageCertSign;

impl Rule for SubscriberKeyUsageCertSign {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta =
            RuleMeta::new("cabf_br.subscriber_key_usage_cert_sign", Source::CabfBr, Severity::Error)
                .summary("subscriber certificates must not assert keyCertSign")
                .citation("TLS BR §7.1.2.7.11")
                .scope(Scope::TLS_SUBSCRIBER)
                .effective(Time::ymd(2012, 7, 1))
                .aliases(&["zlint:e_sub_cert_key_usage_cert_sign_bit_set"]);
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        match cert.key_usage() {
            Some(Ok(ku)) => Outcome::check(!ku.value.has(KeyUsage::KEY_CERT_SIGN), "keyUsage asserts keyCertSign"),
            _ => Outcome::NotApplicable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oid::ext;
    use crate::testutil::{der::*, *};
    use crate::Status;

    #[test]
    fn cert_sign() {
        assert_status(&SubscriberKeyUsageCertSign, &CertBuilder::leaf(), Status::Pass);
        let b = CertBuilder::leaf().ext(&ext::KEY_USAGE, true, &bit_string(2, &[0x84]));
        assert_status(&SubscriberKeyUsageCertSign, &b, Status::Error);
        let b = CertBuilder::leaf().without_ext(&ext::KEY_USAGE);
        assert_status(&SubscriberKeyUsageCertSign, &b, Status::NotApplicable);
        assert_status(&SubscriberKeyUsageCertSign, &CertBuilder::root(), Status::NotApplicable);
    }
}
