-- Enhanced due diligence (issue 27): requested by the RM, approved by compliance through client_change_request
-- (kind ENHANCED_DUE_DILIGENCE); advisory-service gives AML HIGH or PEP clients no advice without it.
ALTER TABLE client ADD COLUMN edd_approved_at timestamptz;
