-- The follow-up of an AUM batch needs each touched client's latest daily total in four statements (current AUM,
-- ClientAumChanged, outflows, tiering); each computed it again from aum_daily (0.4-1.4 s apiece for an upload touching
-- 200,000 clients). It is now looked up once, when the batch's clients are listed, and kept with them.
ALTER TABLE aum_touch ADD COLUMN as_of date, ADD COLUMN total_cny numeric(20, 2), ADD COLUMN high_risk_cny numeric(20, 2);
