# Messages of output (nl).
