-- The bank's own starting shelf (reference data, not demo data): one or more products of every type.
INSERT INTO product (id, code, name_zh, name_en, type, risk_rating, asset_class, currency, min_investment, lockup_days,
                     maturity_date, issuer, qualified_investor_only, private_product, expected_yield_low, expected_yield_high, status)
VALUES
('a0000000-0000-4000-8000-000000000001','DEP-3M-CNY','三个月定期存款','3-month time deposit','DEPOSIT',1,'CASH','CNY',50000,90,NULL,'Aurum Bank',false,false,0.0125,0.0125,'ON_SALE'),
('a0000000-0000-4000-8000-000000000002','WM-CASH-01','天天利现金管理理财','Daily cash management WMP','WEALTH_MANAGEMENT',1,'CASH','CNY',1,0,NULL,'Aurum Wealth Management Co.',false,false,0.0160,0.0200,'ON_SALE'),
('a0000000-0000-4000-8000-000000000003','WM-FI-180','稳享180天固收理财','Steady 180-day fixed-income WMP','WEALTH_MANAGEMENT',2,'FIXED_INCOME','CNY',10000,180,NULL,'Aurum Wealth Management Co.',false,false,0.0250,0.0320,'ON_SALE'),
('a0000000-0000-4000-8000-000000000004','BOND-CGB-5Y','五年期储蓄国债','5-year government savings bond','BOND',1,'FIXED_INCOME','CNY',100,0,'2031-11-10','Ministry of Finance',false,false,0.0190,0.0190,'ON_SALE'),
('a0000000-0000-4000-8000-000000000005','MF-BAL-001','均衡配置混合基金','Balanced allocation mixed fund','MUTUAL_FUND',3,'EQUITY','CNY',1000,0,NULL,'Harbour Fund Management',false,false,0.0300,0.0800,'ON_SALE'),
('a0000000-0000-4000-8000-000000000006','MF-EQ-CSI300','沪深300指数基金','CSI 300 index fund','MUTUAL_FUND',4,'EQUITY','CNY',1000,0,NULL,'Harbour Fund Management',false,false,-0.1500,0.1800,'ON_SALE'),
('a0000000-0000-4000-8000-000000000007','INS-ANN-10','财富传承年金保险','Legacy annuity insurance (10-year pay)','INSURANCE',2,'INSURANCE','CNY',200000,3650,NULL,'Evergreen Life Insurance',false,false,0.0250,0.0300,'ON_SALE'),
('a0000000-0000-4000-8000-000000000008','TR-FAM-01','家族信托（标准型）','Family trust (standard)','TRUST',3,'ALTERNATIVE','CNY',10000000,1825,NULL,'Aurum Trust Co.',true,true,NULL,NULL,'ON_SALE'),
('a0000000-0000-4000-8000-000000000009','PF-PE-GROWTH','成长股权私募基金','Growth private equity fund','PRIVATE_FUND',5,'ALTERNATIVE','CNY',1000000,1095,NULL,'Summit Capital',true,true,0.0800,0.2000,'ON_SALE'),
('a0000000-0000-4000-8000-000000000010','SP-SNOW-CSI500','中证500雪球结构性产品','CSI 500 snowball structured note','STRUCTURED',4,'EQUITY','CNY',1000000,365,'2027-12-15','Aurum Bank',true,false,-0.2000,0.1500,'ON_SALE'),
('a0000000-0000-4000-8000-000000000011','GOLD-ACC','积存金','Gold accumulation plan','GOLD',3,'ALTERNATIVE','CNY',500,0,NULL,'Aurum Bank',false,false,NULL,NULL,'ON_SALE'),
('a0000000-0000-4000-8000-000000000012','MF-USD-BOND','美元债券基金','USD bond fund','MUTUAL_FUND',3,'FIXED_INCOME','USD',1000,0,NULL,'Harbour Fund Management',false,false,0.0350,0.0550,'ON_SALE');
