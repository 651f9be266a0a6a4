# Messages of crates/base: files, signals, counts.

base-cannot-read = cannot read { $path }
base-cannot-write = cannot write { $path }
base-cannot-create-temp = cannot create a temporary file in { $dir }
base-cannot-create-folder = cannot create folder { $path }
base-staging-too = through the staging folder too: { $first }

# Errors of the operating system, by their kind.
io-not-found = No such file or directory
io-permission-denied = Permission denied
io-already-exists = File exists
io-is-a-directory = Is a directory
io-not-a-directory = Not a directory
io-directory-not-empty = Directory not empty
io-read-only = Read-only file system
io-storage-full = No space left on device
io-invalid-filename = Invalid file name
io-interrupted = Interrupted
io-other = { $detail }
