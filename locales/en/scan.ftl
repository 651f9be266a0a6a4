# Reading scanned forms (crates/scan).

# A page that gives no reading (page.rs).
scan-page-blank = the page is blank
scan-page-not-ours = the page carries no toetsgen page code: it is not a page of a packet
scan-page-unknown = the page's code { $code } names a page of no packet given (is the .scan.json of its packet beside it?)
scan-page-other-layout = the page { $code } was printed with another layout than its packet's .scan.json describes: was the packet made again after it was printed?
scan-page-marks = { $found ->
    [one] only one of the four corner marks was found
   *[other] only { $found } of the four corner marks were found
  }: is a corner folded, cut off or covered?
scan-page-misaligned = the corner marks and the page code do not agree on where the page lies: is the page creased, or scanned more than 5° crooked?

# A scan file that cannot be read (load.rs, pdf.rs).
scan-load-io = cannot read { $path }: { $error }
scan-load-file-too-large = { $path } is larger than the { $max } MiB a scan file may have
scan-load-not-a-scan = { $path } is not a scan toetsgen reads (PNG, JPEG, TIFF or PDF)
scan-load-tiff-chain = the pages of this TIFF file cannot be found (its chain of images leaves the file or runs in a circle)
scan-load-not-a-file = { $path } is not a plain file (a folder, a pipe or a device): give the scanner's file itself
scan-load-image = { $path } is not a readable image: { $error }
scan-load-pdf = { $path } is not a readable PDF: { $error }
scan-load-too-many-pages = { $path } has { $pages } pages, more than the { $max } a scan file may have
scan-load-too-large = page { $page } of { $path } is too large: at most { $side } pixels a side and { $pixels } million pixels (A3 at 600 dpi fits)
