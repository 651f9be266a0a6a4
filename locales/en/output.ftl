# Messages of output (en).
