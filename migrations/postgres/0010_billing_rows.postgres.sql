-- Billing rows without the (source, month, lineItemKey) key. Line item ids are random, so each
-- row an import wrote went into a random page of a key index about as large as the rows
-- themselves, and a million-row import spent most of its time reading and rewriting those
-- pages. An import now keeps each line item once itself (the later row, as before), and a
-- source's month is found through billingLineItem_month. `id` orders the rows as imported.
-- The table is made again, as SQLite's step makes it, so the columns keep the same order.
CREATE TABLE billingLineItem_new (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source TEXT NOT NULL,
    lineItemKey TEXT NOT NULL,
    month TEXT NOT NULL,
    usageStart TEXT NOT NULL,
    productCode TEXT NOT NULL,
    usageType TEXT NOT NULL,
    resourceId TEXT NOT NULL,
    app TEXT,
    tags TEXT NOT NULL,
    cost BIGINT NOT NULL
);
INSERT INTO billingLineItem_new (source, lineItemKey, month, usageStart, productCode, usageType, resourceId, app, tags, cost)
    SELECT source, lineItemKey, month, usageStart, productCode, usageType, resourceId, app, tags, cost
    FROM billingLineItem ORDER BY source COLLATE "C", month COLLATE "C", lineItemKey COLLATE "C";
DROP TABLE billingLineItem;
ALTER TABLE billingLineItem_new RENAME TO billingLineItem;
CREATE INDEX billingLineItem_month ON billingLineItem(month, source);
