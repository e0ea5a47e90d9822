//! Serial numbers (TLS BR §7.1.2.x serialNumber; Mozilla Root Store Policy §5.2).

use alloc::format;

use crate::rule::{Outcome, Rule, RuleMeta, Severity, Source};
use crate::time::Time;
use crate::{Certificate, Context, Scope};

pub(crate) static RULES: &[&dyn Rule] = &[&SerialNumberLowEntropy];

/// `cabf_br.serial_number_low_entropy`
///
/// **What it checks**: a positive serial number has at least 8 octets of magnitude
/// (leading zero octets removed), the least a serial holding 64 bits of CSPRNG output can
/// have when the first random octet happens to be small.
///
/// **Why it matters**: the BR profiles (§7.1.2.1-§7.1.2.8, serialNumber) require serials
/// that are non-sequential, greater than zero and contain at least 64 bits from a CSPRNG,
/// which makes chosen-prefix collisions against the signature impractical. A shorter serial
/// cannot hold 64 random bits.
///
/// **Example**: serial 0x0102030405060708 passes; 0x01020304050607 (7 octets) warns;
/// a zero or negative serial is not applicable (the RFC 5280 rules report it).
pub struct SerialNumberLowEntropy;

impl Rule for SerialNumberLowEntropy {
    fn meta(&self) -> &'static RuleMeta {
        static META: RuleMeta = RuleMeta::new("cabf_br.serial_number_low_entropy", Source::CabfBr, Severity::Warn)
            .summary("serial numbers should hold at least 64 bits of CSPRNG output")
            .citation("TLS BR §7.1.2.1-§7.1.2.8 serialNumber; MRSP §5.2")
            .scope(Scope::TLS_BR)
            .effective(Time::ymd(2016, 9, 30));
        &META
    }

    fn check(&self, cert: &Certificate, _: &Context) -> Outcome {
        let Ok(serial) = cert.serial() else { return Outcome::NotApplicable };
        match serial.first() {
            None => return Outcome::NotApplicable,
            Some(b) if b & 0x80 != 0 => return Outcome::NotApplicable,
            Some(_) => {}
        }
        let magnitude = serial.iter().skip_while(|b| **b == 0).count();
        if magnitude == 0 {
            Outcome::NotApplicable
        } else if magnitude < 8 {
            Outcome::fail(format!("serial number has {magnitude} octets of magnitude, too few for 64 random bits"))
        } else {
            Outcome::Pass
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{der::*, *};
    use crate::Status;

    fn with_serial(content: &[u8]) -> CertBuilder {
        let mut b = CertBuilder::leaf();
        b.serial = tlv(tag::INTEGER, content);
        b
    }

    #[test]
    fn lengths() {
        assert_status(&SerialNumberLowEntropy, &with_serial(&[1, 2, 3, 4, 5, 6, 7, 8]), Status::Pass);
        assert_status(&SerialNumberLowEntropy, &with_serial(&[0, 0x81, 2, 3, 4, 5, 6, 7, 8]), Status::Pass);
        let short = with_serial(&[1, 2, 3, 4, 5, 6, 7]);
        assert_status(&SerialNumberLowEntropy, &short, Status::Warn);
        let (_, msg) = finding(&SerialNumberLowEntropy, &short.build(), &Context::default());
        assert!(msg.contains("7 octets"), "{msg}");
        assert_status(&SerialNumberLowEntropy, &with_serial(&[0]), Status::NotApplicable);
        assert_status(&SerialNumberLowEntropy, &with_serial(&[0x80, 1]), Status::NotApplicable);
        assert_status(&SerialNumberLowEntropy, &short.clone().not_before(Time::ymd(2016, 9, 29)), Status::NotEffective);
        assert_status(&SerialNumberLowEntropy, &short.not_before(Time::ymd(2016, 9, 30)), Status::Warn);
    }
}
