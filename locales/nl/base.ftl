# Berichten van crates/base: bestanden, signalen, tellingen.

base-cannot-read = kan { $path } niet lezen
base-cannot-write = kan { $path } niet schrijven
base-cannot-create-temp = kan geen tijdelijk bestand maken in { $dir }
base-cannot-create-folder = kan de map { $path } niet maken
base-staging-too = ook niet via de tussenmap: { $first }

# Fouten van het besturingssysteem, naar hun soort.
io-not-found = bestand of map bestaat niet
io-permission-denied = geen toestemming
io-already-exists = bestaat al
io-is-a-directory = is een map
io-not-a-directory = is geen map
io-directory-not-empty = de map is niet leeg
io-read-only = alleen-lezen bestandssysteem
io-storage-full = de schijf is vol
io-invalid-filename = ongeldige bestandsnaam
io-interrupted = onderbroken
io-other = { $detail }
