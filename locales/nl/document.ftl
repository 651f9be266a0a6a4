# Messages of document (nl).
