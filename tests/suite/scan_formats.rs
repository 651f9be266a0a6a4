//! Scans as scanners write them, made by an independent producer: the form's pages filled in by
//! the test's pen, then written by libtiff's tools (ppm2tiff, tiffcp, tiff2pdf) as PDF files
//! whose pages are CCITT G4 (black and white, two pages in one file), Flate (grey) and JPEG
//! (grey) images, the two G4 pages as one multi-page TIFF, and page 3 as a JBIG2 image
//! (jbig2enc, its stream first decoded by jbig2dec). `toetsgen scan` renders them (hayro; the
//! image crate for the TIFF's pages) and reads every value as ticked, none doubtful.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

use crate::common::{exits, run, toetsgen};
use crate::scan_command::{SESSION, chosen, fill_in, packet, saved};
use crate::scan_read::pen::pdf_of_image;

/// A page image as a TIFF by ppm2tiff: `g4` from a black and white PBM (the pen and print
/// black, below half grey), otherwise from a grey PGM with compression `compression`.
fn tiff(png: &Path, compression: &str) -> PathBuf {
    let grey = image::open(png).unwrap().to_luma8();
    let (w, h) = grey.dimensions();
    let (pnm, bytes) = match compression {
        "g4" => {
            // P4: rows of bits, 1 is black, each row padded to a whole byte.
            let mut bytes = format!("P4\n{w} {h}\n").into_bytes();
            for row in grey.rows() {
                let bits: Vec<bool> = row.map(|p| p[0] < 128).collect();
                bytes.extend(bits.chunks(8).map(|c| {
                    (c.iter().enumerate()).fold(0u8, |b, (i, &on)| b | (u8::from(on) << (7 - i)))
                }));
            }
            (png.with_extension("pbm"), bytes)
        }
        _ => {
            let mut bytes = format!("P5\n{w} {h}\n255\n").into_bytes();
            bytes.extend_from_slice(grey.as_raw());
            (png.with_extension("pgm"), bytes)
        }
    };
    std::fs::write(&pnm, bytes).unwrap();
    let tif = png.with_extension(format!("{compression}.tif"));
    run(Command::new("ppm2tiff")
        .args(["-c", compression, "-R", "200"])
        .arg(&pnm)
        .arg(&tif));
    tif
}

/// A PDF of the TIFF pages `tifs` (joined by tiffcp when more than one) by tiff2pdf, with
/// `flags` (`-z` Flate, `-j` JPEG; CCITT passes through as it is).
fn pdf(tifs: &[PathBuf], flags: &[&str], to: &Path) -> Vec<u8> {
    let joined = to.with_extension("tif");
    run(Command::new("tiffcp").args(tifs).arg(&joined));
    run(Command::new("tiff2pdf")
        .args(flags)
        .arg("-o")
        .arg(to)
        .arg(&joined));
    std::fs::read(to).unwrap()
}

/// `files` read by `toetsgen scan` into `uitslagen/<out>/`: every value as ticked, none doubtful;
/// the saved form.
fn read_back(
    dir: &Path,
    files: &[PathBuf],
    out: &str,
    values: &serde_json::Map<String, Value>,
) -> Value {
    let mut cmd = toetsgen(dir);
    cmd.arg("scan")
        .args(files)
        .args(["-o", &format!("uitslagen/{out}")]);
    exits(&mut cmd, 0, &[]);
    let read = saved(dir, out);
    assert_eq!(read["twijfel"], json!([]), "{out}");
    for (key, value) in values {
        assert_eq!(&read["waarden"][key], value, "{out}: {key}");
    }
    read
}

/// Pages 1–2 as one CCITT G4 PDF, page 3 as Flate, page 4 as JPEG: every value read as ticked.
#[test]
fn ccitt_flate_and_jpeg_pdfs_are_read() {
    let (dir, sidecar) = packet();
    let values = chosen(&sidecar);
    let form = (sidecar.documenten.iter())
        .find(|d| d.document == "beoordelingsformulier")
        .unwrap();
    assert_eq!(form.paginas, 4, "V1's form has four pages");
    let packet_pdf = dir.path().join(format!("pakketten/{SESSION}.pdf"));
    let scans = dir.path().join("scans");
    std::fs::create_dir_all(&scans).unwrap();
    let pngs: Vec<PathBuf> = (0..form.paginas)
        .map(|p| {
            let to = scans.join(format!("blad-{}.png", p + 1));
            fill_in(
                &packet_pdf,
                form.eerste_pagina + p,
                &sidecar,
                (&values, &[]),
                &to,
            );
            to
        })
        .collect();
    let made = [
        (
            "g4.pdf",
            vec![tiff(&pngs[0], "g4"), tiff(&pngs[1], "g4")],
            vec![],
            "/CCITTFaxDecode",
        ),
        (
            "zip.pdf",
            vec![tiff(&pngs[2], "zip")],
            vec!["-z"],
            "/FlateDecode",
        ),
        (
            "jpeg.pdf",
            vec![tiff(&pngs[3], "none")],
            vec!["-j", "-q", "85"],
            "/DCTDecode",
        ),
    ];
    let mut files = Vec::new();
    for (name, tifs, flags, filter) in &made {
        let to = scans.join(name);
        let bytes = pdf(tifs, flags, &to);
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains(filter), "{name} holds {filter} images");
        files.push(to);
    }
    let read = read_back(dir.path(), &files, "scans", &values);
    let pages: Vec<&str> = (read["scan"]["paginas"].as_array().unwrap().iter())
        .map(|p| p["bestand"].as_str().unwrap())
        .collect();
    assert_eq!(pages.len(), 4);
    assert!(pages[0].ends_with("g4.pdf") && pages[1].ends_with("g4.pdf"));
    // The same two G4 pages as one multi-page TIFF (tiffcp's), as a scanner may write a stack.
    files[0] = scans.join("g4.tif");
    let read = read_back(dir.path(), &files, "tiff", &values);
    let first = &read["scan"]["paginas"][1];
    assert_eq!(first["bestandspagina"], json!(2), "the TIFF's second page");
    // Page 3 as JBIG2 (jbig2enc's generic region, PDF-ready), checked first by jbig2dec.
    let jb2 = scans.join("blad-3.jb2");
    let out = run(Command::new("jbig2enc")
        .args(["-p", "-G", "-T", "128"])
        .arg(&pngs[2]));
    std::fs::write(&jb2, &out.stdout).unwrap();
    let (w, h) = image::image_dimensions(&pngs[2]).unwrap();
    let decoded = scans.join("blad-3.pbm");
    run(Command::new("jbig2dec")
        .args(["-e", "-t", "pbm", "-o"])
        .arg(&decoded)
        .arg(&jb2));
    let header = std::fs::read(&decoded).unwrap();
    assert!(header.starts_with(format!("P4\n{w} {h}\n").as_bytes()));
    let pdf = pdf_of_image(&out.stdout, (w, h, 1), 200.0, "/JBIG2Decode");
    files[1] = scans.join("jbig2.pdf");
    std::fs::write(&files[1], pdf).unwrap();
    read_back(dir.path(), &files, "jbig2", &values);
}
