-- Due diligence (issue 27): what client.profile says about AML rating, PEP flag, KYC review date and approved
-- enhanced due diligence; AML HIGH or PEP without approved EDD gets no advice, an overdue KYC no new proposal.
ALTER TABLE client_ref
    ADD COLUMN aml_risk_rating varchar(10),
    ADD COLUMN pep             boolean NOT NULL DEFAULT false,
    ADD COLUMN kyc_review_date date,
    ADD COLUMN edd_approved    boolean NOT NULL DEFAULT false;
