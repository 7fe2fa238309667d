// Offline country list: ISO 3166-1 alpha-2 | alpha-3 | numeric | approximate centroid lat | lon | name;aliases.
// Centroids are rounded (about 1°): enough to place a country on a world map, not to measure distances.
// Names in eight languages come from i18n-iso-countries (see countries.ts); the aliases here are spellings it
// lacks: UN Comtrade's own (and its numeric codes, e.g. 842 for the USA) and a few everyday short forms
// (Russian "Китай", French "États-Unis", Spanish "Corea del Sur").
export const COUNTRY_DATA = `
AD|AND|020|42.5|1.5|Andorra
AE|ARE|784|24|54|United Arab Emirates;UAE;Emirates
AF|AFG|004|33|65|Afghanistan
AG|ATG|028|17.05|-61.8|Antigua and Barbuda
AI|AIA|660|18.25|-63.17|Anguilla
AL|ALB|008|41|20|Albania
AM|ARM|051|40|45|Armenia
AO|AGO|024|-12.5|18.5|Angola
AQ|ATA|010|-75|0|Antarctica
AR|ARG|032|-34|-64|Argentina
AS|ASM|016|-14.33|-170|American Samoa
AT|AUT|040|47.33|13.33|Austria
AU|AUS|036|-27|133|Australia
AW|ABW|533|12.5|-69.97|Aruba
AX|ALA|248|60.2|19.9|Åland Islands;Aland Islands
AZ|AZE|031|40.5|47.5|Azerbaijan
BA|BIH|070|44|18|Bosnia and Herzegovina;Bosnia Herzegovina;Bosnia
BB|BRB|052|13.17|-59.53|Barbados
BD|BGD|050|24|90|Bangladesh
BE|BEL|056|50.83|4|Belgium
BF|BFA|854|13|-2|Burkina Faso
BG|BGR|100|43|25|Bulgaria
BH|BHR|048|26|50.55|Bahrain
BI|BDI|108|-3.5|30|Burundi
BJ|BEN|204|9.5|2.25|Benin
BL|BLM|652|17.9|-62.83|Saint Barthélemy;Saint Barthelemy
BM|BMU|060|32.33|-64.75|Bermuda
BN|BRN|096|4.5|114.67|Brunei;Brunei Darussalam
BO|BOL|068|-17|-65|Bolivia;Bolivia (Plurinational State of)
BQ|BES|535|12.18|-68.25|Bonaire, Sint Eustatius and Saba;Bonaire
BR|BRA|076|-10|-55|Brazil
BS|BHS|044|24.25|-76|Bahamas;The Bahamas
BT|BTN|064|27.5|90.5|Bhutan
BV|BVT|074|-54.43|3.4|Bouvet Island
BW|BWA|072|-22|24|Botswana
BY|BLR|112|53|28|Belarus
BZ|BLZ|084|17.25|-88.75|Belize
CA|CAN|124|60|-95|Canada
CC|CCK|166|-12.5|96.83|Cocos (Keeling) Islands;Cocos Islands
CD|COD|180|-2.5|23.5|Democratic Republic of the Congo;Dem. Rep. of the Congo;DR Congo;DRC;Congo, Dem. Rep.;Congo (Kinshasa)
CF|CAF|140|7|21|Central African Republic;Central African Rep.
CG|COG|178|-1|15|Congo;Republic of the Congo;Congo, Rep.;Congo (Brazzaville)
CH|CHE|756|47|8|Switzerland;757
CI|CIV|384|8|-5|Côte d'Ivoire;Cote d'Ivoire;Ivory Coast
CK|COK|184|-21.23|-159.77|Cook Islands
CL|CHL|152|-30|-71|Chile
CM|CMR|120|6|12|Cameroon
CN|CHN|156|35|105|China;People's Republic of China;PRC;Китай
CO|COL|170|4|-72|Colombia
CR|CRI|188|10|-84|Costa Rica
CU|CUB|192|21.5|-80|Cuba
CV|CPV|132|16|-24|Cabo Verde;Cape Verde
CW|CUW|531|12.17|-69|Curaçao;Curacao
CX|CXR|162|-10.5|105.67|Christmas Island
CY|CYP|196|35|33|Cyprus
CZ|CZE|203|49.75|15.5|Czechia;Czech Republic;Czech Rep.
DE|DEU|276|51|9|Germany;Deutschland
DJ|DJI|262|11.5|43|Djibouti
DK|DNK|208|56|10|Denmark
DM|DMA|212|15.42|-61.33|Dominica
DO|DOM|214|19|-70.67|Dominican Republic;Dominican Rep.
DZ|DZA|012|28|3|Algeria
EC|ECU|218|-2|-77.5|Ecuador
EE|EST|233|59|26|Estonia
EG|EGY|818|27|30|Egypt
EH|ESH|732|24.5|-13|Western Sahara
ER|ERI|232|15|39|Eritrea
ES|ESP|724|40|-4|Spain;España
ET|ETH|231|8|38|Ethiopia
FI|FIN|246|64|26|Finland
FJ|FJI|242|-18|175|Fiji
FK|FLK|238|-51.75|-59|Falkland Islands;Falkland Islands (Malvinas)
FM|FSM|583|6.92|158.25|Micronesia;Micronesia (Federated States of);FS Micronesia
FO|FRO|234|62|-7|Faroe Islands;Faeroe Islands
FR|FRA|250|46|2|France;251
GA|GAB|266|-1|11.75|Gabon
GB|GBR|826|54|-2|United Kingdom;UK;Great Britain;Britain
GD|GRD|308|12.12|-61.67|Grenada
GE|GEO|268|42|43.5|Georgia
GF|GUF|254|4|-53|French Guiana
GG|GGY|831|49.47|-2.58|Guernsey
GH|GHA|288|8|-2|Ghana
GI|GIB|292|36.13|-5.35|Gibraltar
GL|GRL|304|72|-40|Greenland
GM|GMB|270|13.47|-16.57|Gambia;The Gambia
GN|GIN|324|11|-10|Guinea
GP|GLP|312|16.25|-61.58|Guadeloupe
GQ|GNQ|226|2|10|Equatorial Guinea
GR|GRC|300|39|22|Greece
GS|SGS|239|-54.5|-37|South Georgia and the South Sandwich Islands
GT|GTM|320|15.5|-90.25|Guatemala
GU|GUM|316|13.47|144.78|Guam
GW|GNB|624|12|-15|Guinea-Bissau
GY|GUY|328|5|-59|Guyana
HK|HKG|344|22.25|114.17|Hong Kong;China, Hong Kong SAR;Hong Kong SAR
HM|HMD|334|-53.1|72.52|Heard Island and McDonald Islands
HN|HND|340|15|-86.5|Honduras
HR|HRV|191|45.17|15.5|Croatia
HT|HTI|332|19|-72.42|Haiti
HU|HUN|348|47|20|Hungary
ID|IDN|360|-5|120|Indonesia
IE|IRL|372|53|-8|Ireland
IL|ISR|376|31.5|34.75|Israel
IM|IMN|833|54.23|-4.55|Isle of Man
IN|IND|356|20|77|India;699
IO|IOT|086|-6|71.5|British Indian Ocean Territory
IQ|IRQ|368|33|44|Iraq
IR|IRN|364|32|53|Iran;Iran (Islamic Republic of);Islamic Republic of Iran
IS|ISL|352|65|-18|Iceland
IT|ITA|380|42.83|12.83|Italy
JE|JEY|832|49.21|-2.13|Jersey
JM|JAM|388|18.25|-77.5|Jamaica
JO|JOR|400|31|36|Jordan
JP|JPN|392|36|138|Japan
KE|KEN|404|1|38|Kenya
KG|KGZ|417|41|75|Kyrgyzstan;Kyrgyz Republic;Кыргызстан
KH|KHM|116|13|105|Cambodia
KI|KIR|296|1.42|173|Kiribati
KM|COM|174|-12.17|44.25|Comoros
KN|KNA|659|17.33|-62.75|Saint Kitts and Nevis
KP|PRK|408|40|127|North Korea;Democratic People's Republic of Korea;Dem. People's Rep. of Korea;Korea, Dem. People's Rep.
KR|KOR|410|37|127.5|South Korea;Republic of Korea;Rep. of Korea;Korea, Rep.;Korea;Южная Корея;Corea del Sur
KW|KWT|414|29.34|47.66|Kuwait
KY|CYM|136|19.5|-80.5|Cayman Islands
KZ|KAZ|398|48|68|Kazakhstan
LA|LAO|418|18|105|Laos;Lao People's Democratic Republic;Lao PDR;Lao People's Dem. Rep.
LB|LBN|422|33.83|35.83|Lebanon
LC|LCA|662|13.88|-61.13|Saint Lucia
LI|LIE|438|47.17|9.53|Liechtenstein
LK|LKA|144|7|81|Sri Lanka
LR|LBR|430|6.5|-9.5|Liberia
LS|LSO|426|-29.5|28.5|Lesotho
LT|LTU|440|56|24|Lithuania
LU|LUX|442|49.75|6.17|Luxembourg
LV|LVA|428|57|25|Latvia
LY|LBY|434|25|17|Libya
MA|MAR|504|32|-5|Morocco
MC|MCO|492|43.73|7.4|Monaco
MD|MDA|498|47|29|Moldova;Republic of Moldova;Rep. of Moldova
ME|MNE|499|42.5|19.3|Montenegro
MF|MAF|663|18.08|-63.95|Saint Martin
MG|MDG|450|-20|47|Madagascar
MH|MHL|584|9|168|Marshall Islands
MK|MKD|807|41.83|22|North Macedonia;Macedonia;TFYR of Macedonia
ML|MLI|466|17|-4|Mali
MM|MMR|104|22|98|Myanmar;Burma
MN|MNG|496|46|105|Mongolia
MO|MAC|446|22.17|113.55|Macao;Macau;China, Macao SAR
MP|MNP|580|15.2|145.75|Northern Mariana Islands
MQ|MTQ|474|14.67|-61|Martinique
MR|MRT|478|20|-12|Mauritania
MS|MSR|500|16.75|-62.2|Montserrat
MT|MLT|470|35.83|14.58|Malta
MU|MUS|480|-20.28|57.55|Mauritius
MV|MDV|462|3.25|73|Maldives
MW|MWI|454|-13.5|34|Malawi
MX|MEX|484|23|-102|Mexico
MY|MYS|458|2.5|112.5|Malaysia
MZ|MOZ|508|-18.25|35|Mozambique
NA|NAM|516|-22|17|Namibia
NC|NCL|540|-21.5|165.5|New Caledonia
NE|NER|562|16|8|Niger
NF|NFK|574|-29.03|167.95|Norfolk Island
NG|NGA|566|10|8|Nigeria
NI|NIC|558|13|-85|Nicaragua
NL|NLD|528|52.5|5.75|Netherlands;The Netherlands;Holland
NO|NOR|578|62|10|Norway;579
NP|NPL|524|28|84|Nepal
NR|NRU|520|-0.53|166.92|Nauru
NU|NIU|570|-19.03|-169.87|Niue
NZ|NZL|554|-41|174|New Zealand
OM|OMN|512|21|57|Oman
PA|PAN|591|9|-80|Panama
PE|PER|604|-10|-76|Peru
PF|PYF|258|-15|-140|French Polynesia
PG|PNG|598|-6|147|Papua New Guinea
PH|PHL|608|13|122|Philippines
PK|PAK|586|30|70|Pakistan
PL|POL|616|52|20|Poland
PM|SPM|666|46.83|-56.33|Saint Pierre and Miquelon
PN|PCN|612|-24.7|-127.4|Pitcairn
PR|PRI|630|18.25|-66.5|Puerto Rico
PS|PSE|275|32|35.25|Palestine;State of Palestine
PT|PRT|620|39.5|-8|Portugal
PW|PLW|585|7.5|134.5|Palau
PY|PRY|600|-23|-58|Paraguay
QA|QAT|634|25.5|51.25|Qatar
RE|REU|638|-21.1|55.6|Réunion;Reunion
RO|ROU|642|46|25|Romania
RS|SRB|688|44|21|Serbia
RU|RUS|643|60|100|Russia;Russian Federation
RW|RWA|646|-2|30|Rwanda
SA|SAU|682|25|45|Saudi Arabia
SB|SLB|090|-8|159|Solomon Islands
SC|SYC|690|-4.58|55.67|Seychelles
SD|SDN|729|15|30|Sudan
SE|SWE|752|62|15|Sweden
SG|SGP|702|1.37|103.8|Singapore
SH|SHN|654|-15.93|-5.7|Saint Helena
SI|SVN|705|46|15|Slovenia
SJ|SJM|744|78|20|Svalbard and Jan Mayen
SK|SVK|703|48.67|19.5|Slovakia
SL|SLE|694|8.5|-11.5|Sierra Leone
SM|SMR|674|43.77|12.42|San Marino
SN|SEN|686|14|-14|Senegal
SO|SOM|706|10|49|Somalia
SR|SUR|740|4|-56|Suriname
SS|SSD|728|7|30|South Sudan
ST|STP|678|1|7|Sao Tome and Principe;São Tomé and Príncipe
SV|SLV|222|13.83|-88.92|El Salvador
SX|SXM|534|18.03|-63.05|Sint Maarten
SY|SYR|760|35|38|Syria;Syrian Arab Republic
SZ|SWZ|748|-26.5|31.5|Eswatini;Swaziland
TC|TCA|796|21.75|-71.58|Turks and Caicos Islands
TD|TCD|148|15|19|Chad
TF|ATF|260|-43|67|French Southern Territories
TG|TGO|768|8|1.17|Togo
TH|THA|764|15|100|Thailand
TJ|TJK|762|39|71|Tajikistan
TK|TKL|772|-9|-172|Tokelau
TL|TLS|626|-8.83|125.92|Timor-Leste;East Timor
TM|TKM|795|40|60|Turkmenistan
TN|TUN|788|34|9|Tunisia
TO|TON|776|-20|-175|Tonga
TR|TUR|792|39|35|Türkiye;Turkey;Turkiye
TT|TTO|780|11|-61|Trinidad and Tobago
TV|TUV|798|-8|178|Tuvalu
TW|TWN|158|23.5|121|Taiwan;Chinese Taipei;Taiwan, Province of China
TZ|TZA|834|-6|35|Tanzania;United Republic of Tanzania;United Rep. of Tanzania
UA|UKR|804|49|32|Ukraine
UG|UGA|800|1|32|Uganda
UM|UMI|581|19.28|166.6|United States Minor Outlying Islands
US|USA|840|38|-97|United States;United States of America;USA;US;842;Соединённые Штаты;Соединенные Штаты Америки;États-Unis
UY|URY|858|-33|-56|Uruguay
UZ|UZB|860|41|64|Uzbekistan
VA|VAT|336|41.9|12.45|Holy See;Vatican;Vatican City
VC|VCT|670|13.25|-61.2|Saint Vincent and the Grenadines
VE|VEN|862|8|-66|Venezuela;Venezuela (Bolivarian Republic of)
VG|VGB|092|18.5|-64.5|British Virgin Islands;Br. Virgin Islands
VI|VIR|850|18.34|-64.93|United States Virgin Islands;US Virgin Islands
VN|VNM|704|16|106|Vietnam;Viet Nam
VU|VUT|548|-16|167|Vanuatu
WF|WLF|876|-13.3|-176.2|Wallis and Futuna;Wallis and Futuna Islands
WS|WSM|882|-13.58|-172.33|Samoa
XK|XKX||42.6|20.9|Kosovo
YE|YEM|887|15|48|Yemen
YT|MYT|175|-12.83|45.17|Mayotte
ZA|ZAF|710|-29|24|South Africa
ZM|ZMB|894|-15|30|Zambia
ZW|ZWE|716|-20|30|Zimbabwe
`;
