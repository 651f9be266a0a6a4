# Gescande formulieren lezen (crates/scan).

# Een pagina die niets oplevert (page.rs).
scan-page-blank = de pagina is leeg
scan-page-not-ours = de pagina heeft geen paginacode van toetsgen: het is geen pagina van een pakket
scan-page-unknown = de code { $code } van de pagina hoort bij geen enkel opgegeven pakket (staat de .scan.json van het pakket ernaast?)
scan-page-other-layout = de pagina { $code } is gedrukt met een andere opmaak dan de .scan.json van het pakket beschrijft: is het pakket na het afdrukken opnieuw gemaakt?
scan-page-marks = { $found ->
    [one] maar één van de vier hoekmarkeringen is gevonden
   *[other] maar { $found } van de vier hoekmarkeringen zijn gevonden
  }: is een hoek omgevouwen, afgesneden of bedekt?
scan-page-misaligned = de hoekmarkeringen en de paginacode geven niet dezelfde ligging van de pagina: is de pagina gekreukt, of meer dan 5° scheef gescand?

# Een scanbestand dat niet te lezen is (load.rs, pdf.rs).
scan-load-io = kan { $path } niet lezen: { $error }
scan-load-file-too-large = { $path } is groter dan de { $max } MiB die een scanbestand mag hebben
scan-load-not-a-scan = { $path } is geen scan die toetsgen leest (PNG, JPEG, TIFF of PDF)
scan-load-tiff-chain = de pagina's van dit TIFF-bestand zijn niet te vinden (de keten van afbeeldingen loopt buiten het bestand of in een kring)
scan-load-not-a-file = { $path } is geen gewoon bestand (een map, een pijp of een apparaat): geef het bestand van de scanner zelf
scan-load-image = { $path } is geen leesbare afbeelding: { $error }
scan-load-pdf = { $path } is geen leesbare PDF: { $error }
scan-load-too-many-pages = { $path } heeft { $pages } pagina's, meer dan de { $max } die een scanbestand mag hebben
scan-load-too-large = pagina { $page } van { $path } is te groot: hoogstens { $side } pixels per zijde en { $pixels } miljoen pixels (A3 op 600 dpi past)
