//! A saved beoordelingsformulier, as bytes: read as `toetsgen uitslagen` and `analyse` read it.
//! What is accepted keeps the format's promises (formaatversie 1 without number and assessor,
//! 2 with a number field and assessor 1 or 2); every refusal is a message.
#![no_main]

use libfuzzer_sys::fuzz_target;
use toetsgen::uitslagen::parse_form;

fuzz_target!(|data: &[u8]| {
    match parse_form(data.to_vec()) {
        Ok(form) => match form.formaatversie {
            1 => assert!(form.kandidaatnummer.is_none() && form.beoordelaar.is_none()),
            2 => {
                assert!(form.kandidaatnummer.is_some());
                assert!(matches!(form.beoordelaar, Some(1 | 2)));
            }
            other => panic!("formaatversie {other} accepted"),
        },
        Err(message) => assert!(!message.is_empty()),
    }
});
