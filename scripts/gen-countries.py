#!/usr/bin/env python3
"""Generate the knowledge base's country and capital files from Debian's iso-codes.

usage: scripts/gen-countries.py [ISO_3166_1_JSON] [OUT_DIR]

Input: /usr/share/iso-codes/json/iso_3166-1.json (Debian package `iso-codes`), the list of
ISO 3166-1 countries and territories. `kb_id` is "iso3166-1:<alpha-2>" from that file.
The tables below add what ISO lacks: the short name English news uses, other names
(aliases), demonyms and adjectives, and the capital. They are editorial data; edit them
here and re-run, or edit the generated JSON directly.
Output: countries.json and capitals.json, one entry per line (so errors report a line).
"""
import json
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
OUT = sys.argv[2] if len(sys.argv) > 2 else "Sources/Extraction/Resources/KnowledgeBase/entities"

# Short names as English news writes them, where ISO's name differs.
SHORT = {
    "RU": "Russia", "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "KP": "North Korea",
    "IR": "Iran", "SY": "Syria", "VE": "Venezuela", "BO": "Bolivia", "TZ": "Tanzania", "VN": "Vietnam",
    "LA": "Laos", "MD": "Moldova", "TW": "Taiwan", "PS": "Palestine", "VA": "Vatican City",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo", "FM": "Micronesia",
    "CZ": "Czech Republic", "TR": "Turkey", "CI": "Ivory Coast", "CV": "Cape Verde", "BN": "Brunei",
    "MK": "North Macedonia", "SZ": "Eswatini", "FK": "Falkland Islands", "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands", "MF": "Saint Martin", "SX": "Sint Maarten", "HK": "Hong Kong", "MO": "Macau",
    "BQ": "Caribbean Netherlands", "SH": "Saint Helena", "NL": "Netherlands", "BS": "Bahamas", "GM": "Gambia",
    "PH": "Philippines", "AE": "United Arab Emirates", "CF": "Central African Republic", "DO": "Dominican Republic",
}

# Other names: ISO names, official forms, abbreviations; metonymic capitals are in CAPITALS.
ALIASES = {
    "US": ["U.S.", "U. S.", "US", "USA", "U.S.A.", "United States of America", "America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain"], "RU": ["Russian Federation"],
    "KR": ["Republic of Korea", "ROK", "S. Korea"], "KP": ["DPRK", "Democratic People's Republic of Korea", "N. Korea"],
    "IR": ["Islamic Republic of Iran"], "SY": ["Syrian Arab Republic"], "TR": ["Türkiye", "Turkiye"],
    "CZ": ["Czechia"], "CI": ["Côte d'Ivoire", "Cote d'Ivoire"], "CV": ["Cabo Verde"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "MK": ["Macedonia"], "SZ": ["Swaziland"], "MM": ["Burma"], "PS": ["State of Palestine", "Palestinian territories"],
    "VA": ["Holy See", "the Vatican", "Vatican"], "AE": ["UAE", "U.A.E.", "Emirates"], "NL": ["Holland"],
    "VN": ["Viet Nam"], "LA": ["Lao PDR"], "TW": ["Republic of China"], "CN": ["People's Republic of China", "PRC", "Mainland China"],
    "SA": ["KSA"], "BA": ["Bosnia"], "TL": ["East Timor"], "DE": ["Federal Republic of Germany"],
    "FR": ["French Republic"], "UA": [], "MD": ["Republic of Moldova"], "BY": ["Belarus"],
}

# ISO names that English-language news uses for another country: bare "Congo" is the
# Democratic Republic of the Congo (AP, Reuters); the other is "Republic of Congo".
NOT_ALIAS = {"CG": {"Congo"}}

# Demonyms and adjectives: not entity mentions (GUIDELINE §1), used to recognise them and
# to attribute unnamed officials ("a senior Ukrainian official").
DEMONYMS = {
    "AF": ["Afghan", "Afghans"], "AL": ["Albanian", "Albanians"], "DZ": ["Algerian", "Algerians"],
    "AO": ["Angolan", "Angolans"], "AR": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "AM": ["Armenian", "Armenians"], "AU": ["Australian", "Australians"], "AT": ["Austrian", "Austrians"],
    "AZ": ["Azerbaijani", "Azeri", "Azerbaijanis", "Azeris"], "BH": ["Bahraini", "Bahrainis"],
    "BD": ["Bangladeshi", "Bangladeshis"], "BY": ["Belarusian", "Belarusians", "Belarussian"],
    "BE": ["Belgian", "Belgians"], "BO": ["Bolivian", "Bolivians"], "BA": ["Bosnian", "Bosnians"],
    "BR": ["Brazilian", "Brazilians"], "BG": ["Bulgarian", "Bulgarians"], "KH": ["Cambodian", "Cambodians"],
    "CM": ["Cameroonian", "Cameroonians"], "CA": ["Canadian", "Canadians"], "TD": ["Chadian", "Chadians"],
    "CL": ["Chilean", "Chileans"], "CN": ["Chinese"], "CO": ["Colombian", "Colombians"],
    "CD": ["Congolese"], "HR": ["Croatian", "Croat", "Croats", "Croatians"], "CU": ["Cuban", "Cubans"],
    "CY": ["Cypriot", "Cypriots"], "CZ": ["Czech", "Czechs"], "DK": ["Danish", "Dane", "Danes"],
    "EC": ["Ecuadorian", "Ecuadorians"], "EG": ["Egyptian", "Egyptians"], "ER": ["Eritrean", "Eritreans"],
    "EE": ["Estonian", "Estonians"], "ET": ["Ethiopian", "Ethiopians"], "FI": ["Finnish", "Finn", "Finns"],
    "FR": ["French", "Frenchman", "Frenchmen"], "GE": ["Georgian", "Georgians"], "DE": ["German", "Germans"],
    "GH": ["Ghanaian", "Ghanaians"], "GR": ["Greek", "Greeks"], "HU": ["Hungarian", "Hungarians"],
    "IS": ["Icelandic", "Icelander", "Icelanders"], "IN": ["Indian", "Indians"], "ID": ["Indonesian", "Indonesians"],
    "IR": ["Iranian", "Iranians", "Persian"], "IQ": ["Iraqi", "Iraqis"], "IE": ["Irish"],
    "IL": ["Israeli", "Israelis"], "IT": ["Italian", "Italians"], "JP": ["Japanese"], "JO": ["Jordanian", "Jordanians"],
    "KZ": ["Kazakh", "Kazakhstani", "Kazakhs"], "KE": ["Kenyan", "Kenyans"], "KP": ["North Korean", "North Koreans"],
    "KR": ["South Korean", "South Koreans"], "KW": ["Kuwaiti", "Kuwaitis"], "KG": ["Kyrgyz"],
    "LV": ["Latvian", "Latvians"], "LB": ["Lebanese"], "LY": ["Libyan", "Libyans"], "LT": ["Lithuanian", "Lithuanians"],
    "LU": ["Luxembourgish", "Luxembourger"], "MY": ["Malaysian", "Malaysians"], "ML": ["Malian", "Malians"],
    "MX": ["Mexican", "Mexicans"], "MD": ["Moldovan", "Moldovans"], "MN": ["Mongolian", "Mongolians"],
    "ME": ["Montenegrin", "Montenegrins"], "MA": ["Moroccan", "Moroccans"], "MM": ["Burmese", "Myanmar's"],
    "NP": ["Nepali", "Nepalese"], "NL": ["Dutch", "Dutchman"], "NZ": ["New Zealander", "New Zealanders"],
    "NE": ["Nigerien", "Nigeriens"], "NG": ["Nigerian", "Nigerians"], "MK": ["Macedonian", "Macedonians"],
    "NO": ["Norwegian", "Norwegians"], "OM": ["Omani", "Omanis"], "PK": ["Pakistani", "Pakistanis"],
    "PS": ["Palestinian", "Palestinians"], "PA": ["Panamanian", "Panamanians"], "PE": ["Peruvian", "Peruvians"],
    "PH": ["Filipino", "Philippine", "Filipinos"], "PL": ["Polish", "Pole", "Poles"], "PT": ["Portuguese"],
    "QA": ["Qatari", "Qataris"], "RO": ["Romanian", "Romanians"], "RU": ["Russian", "Russians"],
    "RW": ["Rwandan", "Rwandans"], "SA": ["Saudi", "Saudis", "Saudi Arabian"], "SN": ["Senegalese"],
    "RS": ["Serbian", "Serb", "Serbs", "Serbians"], "SG": ["Singaporean", "Singaporeans"],
    "SK": ["Slovak", "Slovakian", "Slovaks"], "SI": ["Slovenian", "Slovene", "Slovenians"],
    "SO": ["Somali", "Somalis"], "ZA": ["South African", "South Africans"], "SS": ["South Sudanese"],
    "ES": ["Spanish", "Spaniard", "Spaniards"], "LK": ["Sri Lankan", "Sri Lankans"], "SD": ["Sudanese"],
    "SE": ["Swedish", "Swede", "Swedes"], "CH": ["Swiss"], "SY": ["Syrian", "Syrians"], "TW": ["Taiwanese"],
    "TJ": ["Tajik", "Tajiks"], "TZ": ["Tanzanian", "Tanzanians"], "TH": ["Thai"], "TN": ["Tunisian", "Tunisians"],
    "TR": ["Turkish", "Turk", "Turks"], "TM": ["Turkmen"], "UG": ["Ugandan", "Ugandans"],
    "UA": ["Ukrainian", "Ukrainians"], "AE": ["Emirati", "Emiratis"], "GB": ["British", "Briton", "Britons", "Brit", "Brits"],
    "US": ["American", "Americans"], "UY": ["Uruguayan", "Uruguayans"], "UZ": ["Uzbek", "Uzbeks"],
    "VE": ["Venezuelan", "Venezuelans"], "VN": ["Vietnamese"], "YE": ["Yemeni", "Yemenis"],
    "ZM": ["Zambian", "Zambians"], "ZW": ["Zimbabwean", "Zimbabweans"], "HK": [], "MT": ["Maltese"],
    "LA": ["Lao", "Laotian"], "BT": ["Bhutanese"], "MV": ["Maldivian"], "HT": ["Haitian", "Haitians"],
    "JM": ["Jamaican", "Jamaicans"], "GT": ["Guatemalan", "Guatemalans"], "HN": ["Honduran", "Hondurans"],
    "SV": ["Salvadoran", "Salvadorans"], "NI": ["Nicaraguan", "Nicaraguans"], "CR": ["Costa Rican", "Costa Ricans"],
    "PY": ["Paraguayan", "Paraguayans"], "DJ": ["Djiboutian"], "MR": ["Mauritanian", "Mauritanians"],
    "BF": ["Burkinabe"], "CF": ["Central African"], "MZ": ["Mozambican", "Mozambicans"], "NA": ["Namibian"],
    "BW": ["Botswanan", "Motswana"], "MG": ["Malagasy"], "SL": ["Sierra Leonean"], "LR": ["Liberian", "Liberians"],
    "GN": ["Guinean", "Guineans"], "BJ": ["Beninese"], "TG": ["Togolese"], "GA": ["Gabonese"],
    "XK": ["Kosovar", "Kosovan", "Kosovars"],
}

# Capitals (as English news spells them, with other spellings). The capital is its own GPE
# entity; where the text uses it for the government it is a mention of the country.
CAPITALS = {
    "AF": ["Kabul"], "AL": ["Tirana"], "DZ": ["Algiers"], "AO": ["Luanda"], "AR": ["Buenos Aires"],
    "AM": ["Yerevan"], "AU": ["Canberra"], "AT": ["Vienna"], "AZ": ["Baku"], "BH": ["Manama"],
    "BD": ["Dhaka"], "BY": ["Minsk"], "BE": ["Brussels"], "BO": ["La Paz"], "BA": ["Sarajevo"],
    "BR": ["Brasilia", "Brasília"], "BG": ["Sofia"], "KH": ["Phnom Penh"], "CM": ["Yaounde", "Yaoundé"],
    "CA": ["Ottawa"], "TD": ["N'Djamena"], "CL": ["Santiago"], "CN": ["Beijing", "Peking"], "CO": ["Bogota", "Bogotá"],
    "CD": ["Kinshasa"], "CG": ["Brazzaville"], "HR": ["Zagreb"], "CU": ["Havana"], "CY": ["Nicosia"],
    "CZ": ["Prague"], "DK": ["Copenhagen"], "DJ": ["Djibouti City"], "EC": ["Quito"], "EG": ["Cairo"],
    "ER": ["Asmara"], "EE": ["Tallinn"], "ET": ["Addis Ababa"], "FI": ["Helsinki"], "FR": ["Paris"],
    "GE": ["Tbilisi"], "DE": ["Berlin"], "GH": ["Accra"], "GR": ["Athens"], "HU": ["Budapest"],
    "IS": ["Reykjavik", "Reykjavík"], "IN": ["New Delhi"], "ID": ["Jakarta"], "IR": ["Tehran", "Teheran"],
    "IQ": ["Baghdad"], "IE": ["Dublin"], "IL": ["Jerusalem"], "IT": ["Rome"], "JP": ["Tokyo"], "JO": ["Amman"],
    "KZ": ["Astana"], "KE": ["Nairobi"], "KP": ["Pyongyang"], "KR": ["Seoul"], "KW": ["Kuwait City"],
    "KG": ["Bishkek"], "LA": ["Vientiane"], "LV": ["Riga"], "LB": ["Beirut"], "LY": ["Tripoli"],
    "LT": ["Vilnius"], "LU": ["Luxembourg City"], "MY": ["Kuala Lumpur"], "ML": ["Bamako"], "MT": ["Valletta"],
    "MX": ["Mexico City"], "MD": ["Chisinau", "Chișinău"], "MN": ["Ulaanbaatar", "Ulan Bator"], "ME": ["Podgorica"],
    "MA": ["Rabat"], "MM": ["Naypyidaw", "Naypyitaw"], "NP": ["Kathmandu"], "NL": ["Amsterdam"],
    "NZ": ["Wellington"], "NE": ["Niamey"], "NG": ["Abuja"], "MK": ["Skopje"], "NO": ["Oslo"], "OM": ["Muscat"],
    "PK": ["Islamabad"], "PA": ["Panama City"], "PE": ["Lima"], "PH": ["Manila"], "PL": ["Warsaw"],
    "PT": ["Lisbon"], "QA": ["Doha"], "RO": ["Bucharest"], "RU": ["Moscow"], "RW": ["Kigali"],
    "SA": ["Riyadh"], "SN": ["Dakar"], "RS": ["Belgrade"], "SG": [], "SK": ["Bratislava"], "SI": ["Ljubljana"],
    "SO": ["Mogadishu"], "ZA": ["Pretoria"], "SS": ["Juba"], "ES": ["Madrid"], "LK": ["Colombo"],
    "SD": ["Khartoum"], "SE": ["Stockholm"], "CH": ["Bern", "Berne"], "SY": ["Damascus"], "TW": ["Taipei"],
    "TJ": ["Dushanbe"], "TZ": ["Dodoma"], "TH": ["Bangkok"], "TN": ["Tunis"], "TR": ["Ankara"],
    "TM": ["Ashgabat"], "UG": ["Kampala"], "UA": ["Kyiv", "Kiev"], "AE": ["Abu Dhabi"], "GB": ["London"],
    "US": ["Washington", "Washington, D.C.", "Washington D.C."], "UY": ["Montevideo"], "UZ": ["Tashkent"],
    "VE": ["Caracas"], "VN": ["Hanoi"], "YE": ["Sanaa", "Sana'a"], "ZM": ["Lusaka"], "ZW": ["Harare"],
    "VA": [], "HT": ["Port-au-Prince"], "JM": ["Kingston"], "GT": ["Guatemala City"], "HN": ["Tegucigalpa"],
    "SV": ["San Salvador"], "NI": ["Managua"], "CR": ["San Jose", "San José"], "PY": ["Asuncion", "Asunción"],
    "MR": ["Nouakchott"], "BF": ["Ouagadougou"], "CF": ["Bangui"], "MZ": ["Maputo"], "NA": ["Windhoek"],
    "BW": ["Gaborone"], "MG": ["Antananarivo"], "SL": ["Freetown"], "LR": ["Monrovia"], "GN": ["Conakry"],
    "BJ": ["Porto-Novo"], "TG": ["Lome", "Lomé"], "GA": ["Libreville"], "PS": ["Ramallah"], "BT": ["Thimphu"],
    "MV": ["Male", "Malé"], "BN": ["Bandar Seri Begawan"], "TL": ["Dili"], "PG": ["Port Moresby"], "FJ": ["Suva"],
    "CI": ["Yamoussoukro"], "BI": ["Gitega"], "MW": ["Lilongwe"], "LS": ["Maseru"], "SZ": ["Mbabane"],
    "GQ": ["Malabo"], "GW": ["Bissau"], "GM": ["Banjul"], "CV": ["Praia"], "KM": ["Moroni"], "SC": ["Victoria"],
    "MU": ["Port Louis"], "TT": ["Port of Spain"], "BB": ["Bridgetown"], "BS": ["Nassau"], "BZ": ["Belmopan"],
    "GY": ["Georgetown"], "SR": ["Paramaribo"], "DO": ["Santo Domingo"], "AD": ["Andorra la Vella"],
    "LI": ["Vaduz"], "SM": [], "MC": [], "XK": ["Pristina", "Prishtina"],
}

# Capitals that are not the seat of government keep no metonymy (the seat is listed too).
NOT_SEAT = {"Jerusalem"}  # disputed; news uses "Israel" or "Jerusalem" as the place
# Some cities stand for something other than their country when used as an actor.
METONYM_OF = {"Brussels": "European Union"}
# Countries whose name is also a common English word: matched only when capitalised mid-sentence.
COMMON_WORD = {"TR", "TD", "GN", "JO", "NE", "CN", "GE", "ML"}


def main():
    data = json.load(open(SRC, encoding="utf-8"))["3166-1"]
    entries = []
    for e in data:
        a2 = e["alpha_2"]
        name = SHORT.get(a2) or e.get("common_name") or e["name"]
        aliases = []
        for n in [e["name"], e.get("official_name"), e.get("common_name")] + ALIASES.get(a2, []):
            if n and n != name and n not in aliases and "," not in n and n not in NOT_ALIAS.get(a2, ()):
                aliases.append(n)
        entry = {"name": name, "type": "GPE", "kb_id": "iso3166-1:" + a2}
        if aliases:
            entry["aliases"] = aliases
        if DEMONYMS.get(a2):
            entry["demonyms"] = DEMONYMS[a2]
        caps = CAPITALS.get(a2) or []
        if caps:
            entry["capital"] = caps[0]
        if a2 in COMMON_WORD:
            entry["common_word"] = True
        entries.append(entry)
    # Kosovo has no ISO 3166-1 code (XK is user-assigned): no kb_id.
    entries.append({"name": "Kosovo", "type": "GPE", "kb_id": None, "demonyms": DEMONYMS["XK"], "capital": "Pristina"})
    by_code = {e["alpha_2"]: (SHORT.get(e["alpha_2"]) or e.get("common_name") or e["name"]) for e in data}
    by_code["XK"] = "Kosovo"
    capitals = []
    for a2, caps in CAPITALS.items():
        if not caps:
            continue
        c = {"name": caps[0], "type": "GPE", "kb_id": None}
        if len(caps) > 1:
            c["aliases"] = caps[1:]
        c["capital_of"] = by_code[a2]
        if caps[0] not in NOT_SEAT:
            c["metonym_of"] = METONYM_OF.get(caps[0], by_code[a2])
        capitals.append(c)
    write(OUT + "/countries.json", entries, "Debian iso-codes " + SRC + " via scripts/gen-countries.py")
    write(OUT + "/capitals.json", capitals, "scripts/gen-countries.py (CAPITALS table)")


def write(path, entries, source):
    lines = ['{"source": %s,' % json.dumps(source), ' "entities": [']
    for i, e in enumerate(entries):
        lines.append("  " + json.dumps(e, ensure_ascii=False) + ("," if i + 1 < len(entries) else ""))
    lines.append(" ]}")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
