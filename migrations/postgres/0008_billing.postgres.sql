-- Actual costs: the rows of AWS billing exports (`cost import`), and the resources billing rows
-- showed tagged with an app.

-- One row of an export, keyed within its source and month (a line item id is unique within a
-- delivery, not across months). A source's rows of a month are replaced together when the month is
-- imported again. `lineItemKey` is the export's line item id, or `sha256:` and a hash of the
-- row for an export that has none (FOCUS). `app` is the row's deploycat:app tag value, `tags`
-- its tags as a JSON object keyed in the stored form (`cost_center`), `cost` USD x 10^10.
CREATE TABLE billingLineItem (
    source TEXT NOT NULL,
    lineItemKey TEXT NOT NULL,
    month TEXT NOT NULL,
    usageStart TEXT NOT NULL,
    productCode TEXT NOT NULL,
    usageType TEXT NOT NULL,
    resourceId TEXT NOT NULL,
    app TEXT,
    tags TEXT NOT NULL,
    cost BIGINT NOT NULL,
    PRIMARY KEY (source, month, lineItemKey)
);
CREATE INDEX billingLineItem_month ON billingLineItem(month, source);

-- A resource id (an application inference profile's ARN, say) that a row carrying a
-- deploycat:app tag named: later or untagged rows of the same resource belong to that app.
CREATE TABLE billingResource (
    resourceId TEXT NOT NULL PRIMARY KEY,
    app TEXT NOT NULL
);
