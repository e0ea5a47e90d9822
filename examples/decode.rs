//! `decode`: the baseline for timing `lint`. Reads the same inputs the same way (PEM
//! bundles or DER) and only decodes the certificates, printing how many it read.
//!
//! ```text
//! cargo run --release --example decode -- FILE...
//! ```
//!
//! `time` it next to `cargo run --release --example lint -- FILE...` to see what linting
//! adds to reading and decoding (see the README's Performance section).

use std::process::ExitCode;

use certlint::Certificate;

fn main() -> ExitCode {
    let mut total = 0usize;
    for file in std::env::args().skip(1) {
        let certs = std::fs::read(&file).map_err(|e| e.to_string()).and_then(|bytes| {
            match std::str::from_utf8(&bytes) {
                Ok(text) if text.contains("-----BEGIN") => Certificate::parse_pem_bundle(text),
                _ => Certificate::from_der(&bytes).map(|c| vec![c]),
            }
            .map_err(|e| e.to_string())
        });
        match certs {
            Ok(certs) => total += std::hint::black_box(certs).len(),
            Err(e) => {
                eprintln!("decode: {file}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{total} certificates decoded");
    ExitCode::SUCCESS
}
