# Messages of document (en).
