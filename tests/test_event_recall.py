"""Recall on common wire phrasings of aid, concessions, cooperation, protest and agreement,
and near misses that are none of them."""

from __future__ import annotations

import pytest

from helpers import dyads
from test_events import code

pytestmark = pytest.mark.slow

RECALLED = [
    (
        "AID",
        "JPN",
        "TUR",
        "Japan sent a team of rescue workers to Turkey on Tuesday after the earthquake.",
    ),
    ("AID", "USA", "SDN", "The United States delivered 500 tonnes of food aid to Sudan last week."),
    ("AID", "GBR", "UKR", "Britain airlifted medical supplies to Ukraine on Thursday."),
    (
        "AID",
        "CHN",
        "PAK",
        "China has provided a $2 billion loan to Pakistan, the finance ministry said.",
    ),
    ("AID", "SAU", "EGY", "Saudi Arabia deposited $5 billion in Egypt's central bank on Monday."),
    ("AID", "DEU", "SYR", "Germany took in more than 1,500 Syrian refugees this week."),
    (
        "AID",
        "JOR",
        "SYR",
        "Jordan hosts about 650,000 Syrian refugees, the UN refugee agency said.",
    ),
    ("AID", "FRA", "LBN", "France set up a field hospital in Lebanon on Wednesday."),
    ("AID", "CAN", "HTI", "Canada granted asylum to a Haitian opposition leader on Friday."),
    ("AID", "IND", "LKA", "India shipped 40,000 tonnes of fuel to Sri Lanka on Sunday."),
    ("AID", "KEN", "SOM", "Kenya deployed 1,000 peacekeepers to Somalia on Monday."),
    ("AID", "TUR", "SYR", "Turkey dispatched 50 trucks of humanitarian aid to Syria on Saturday."),
    (
        "AID",
        "ARE",
        "SDN",
        "The United Arab Emirates donated 100 tonnes of medical supplies to Sudan.",
    ),
    ("AID", "ITA", "LBY", "Italy evacuated 300 civilians from Libya on Tuesday."),
    (
        "CONCEDE",
        "KEN",
        "",
        "The Kenyan government withdrew the finance bill on Wednesday after deadly protests.",
    ),
    (
        "CONCEDE",
        "FRA",
        "",
        "The French government scrapped a planned fuel tax increase on Tuesday.",
    ),
    ("CONCEDE", "IRN", "", "Iran lifted a ban on WhatsApp on Tuesday, state media reported."),
    (
        "CONCEDE",
        "BGD",
        "",
        "The Bangladeshi government bowed to student demands and scrapped the quota system.",
    ),
    (
        "CONCEDE",
        "SRB",
        "",
        "Serbia's government backed down on Monday and withdrew the lithium mining plan.",
    ),
    ("CONCEDE", "TUN", "", "Tunisia reinstated 50 sacked judges on Thursday."),
    (
        "CONCEDE",
        "SAU",
        "",
        "Saudi Arabia commuted the death sentences of three activists on Monday.",
    ),
    ("CONCEDE", "ZWE", "", "Zimbabwe reversed a decision to raise fuel prices on Sunday."),
    (
        "CONCEDE",
        "ECU",
        "",
        "Ecuador's president repealed a decree ending fuel subsidies after protests.",
    ),
    (
        "CONCEDE",
        "LKA",
        "",
        "The Sri Lankan government agreed to the demands of striking teachers on Friday.",
    ),
    ("CONCEDE", "GEO", "", "Georgia's ruling party dropped the foreign agents bill on Thursday."),
    (
        "COOPERATE",
        "USA",
        "PHL",
        "The United States and the Philippines held joint military exercises on Monday.",
    ),
    ("COOPERATE", "ESP", "MAR", "Spain extradited a Moroccan suspect to Morocco on Tuesday."),
    ("COOPERATE", "IND", "BGD", "India and Bangladesh launched joint border patrols on Monday."),
    ("COOPERATE", "RUS", "TUR", "Russia resumed gas deliveries to Turkey on Wednesday."),
    (
        "COOPERATE",
        "EGY",
        "ISR",
        "Egypt and Israel conducted a joint operation against militants in Sinai.",
    ),
    (
        "COOPERATE",
        "CHN",
        "RUS",
        "China and Russia staged joint naval drills in the Sea of Japan on Tuesday.",
    ),
    (
        "COOPERATE",
        "TUR",
        "IRQ",
        "Turkey and Iraq carried out a joint operation against Kurdish militants.",
    ),
    (
        "COOPERATE",
        "KOR",
        "JPN",
        "South Korea and Japan resumed military intelligence sharing on Monday.",
    ),
    (
        "COOPERATE",
        "GRC",
        "TUR",
        "Greece and Turkey cooperated in the rescue of migrants off Lesbos.",
    ),
    (
        "PROTEST",
        "FRA",
        "",
        "Tens of thousands of French workers went on strike on Tuesday against pension reform.",
    ),
    ("PROTEST", "GBR", "", "Junior doctors in Britain walked out on Monday in a dispute over pay."),
    (
        "PROTEST",
        "ARG",
        "",
        "Argentine unions brought the country to a halt with a general strike on Wednesday.",
    ),
    ("PROTEST", "KEN", "", "Thousands of Kenyans took to the streets of Nairobi on Tuesday."),
    ("PROTEST", "IND", "", "Indian farmers blockaded highways into New Delhi on Monday."),
    (
        "PROTEST",
        "ISR",
        "",
        "Thousands of Israelis rallied in Tel Aviv on Saturday against the judicial overhaul.",
    ),
    ("PROTEST", "GEO", "", "Protesters staged a sit-in outside the Georgian parliament on Sunday."),
    (
        "PROTEST",
        "TUR",
        "",
        "Students in Istanbul staged a protest against the arrest of the mayor.",
    ),
    ("PROTEST", "PSE", "", "Palestinian prisoners began a hunger strike on Monday."),
    ("PROTEST", "SRB", "", "Serbian students marched to Novi Sad on Friday."),
    (
        "PROTEST",
        "DEU",
        "",
        "German farmers blocked roads with tractors on Monday in protest at subsidy cuts.",
    ),
    (
        "PROTEST",
        "KOR",
        "",
        "South Korean doctors staged a walkout over plans to increase medical school places.",
    ),
    (
        "PROTEST",
        "NGA",
        "",
        "Nigerian labour unions began an indefinite strike on Tuesday over the minimum wage.",
    ),
    (
        "PROTEST",
        "BRA",
        "",
        "Brazilian truck drivers blocked highways across the country on Monday.",
    ),
    ("PROTEST", "IRN", "", "Iranian truckers staged a nationwide strike on Monday."),
    ("AGREE", "TUR", "UKR", "Turkey offered to mediate between Russia and Ukraine."),
    ("AGREE", "SDN", "", "Sudan's military pledged to hold elections within two years."),
    (
        "AGREE",
        "IRN",
        "SAU",
        "Iran and Saudi Arabia agreed to restore diplomatic relations on Friday.",
    ),
    ("AGREE", "USA", "VNM", "The United States and Vietnam vowed to deepen cooperation on Sunday."),
    ("AGREE", "ARM", "AZE", "Armenia and Azerbaijan agreed on the text of a peace treaty."),
    (
        "AGREE",
        "CHN",
        "PHL",
        "China and the Philippines agreed to manage their disputes peacefully.",
    ),
    ("AGREE", "EGY", "", "Egypt pledged to facilitate the delivery of aid to Gaza."),
    ("AGREE", "PAK", "IND", "Pakistan and India agreed to a ceasefire on Saturday."),
    (
        "AGREE",
        "COL",
        "",
        "Colombia's government and the ELN rebels agreed to a six-month ceasefire.",
    ),
    ("AGREE", "JPN", "KOR", "Japan and South Korea promised to improve ties."),
    (
        "AID",
        "USA",
        "UKR",
        "Washington announced a new $400 million military aid package for Ukraine on Friday.",
    ),
    ("AID", "POL", "UKR", "Poland has taken in more than a million Ukrainian refugees."),
    ("AID", "FRA", "MAR", "France flew rescue teams to Morocco after the earthquake."),
    ("AID", "IND", "TUR", "India sent search and rescue teams and medical supplies to Turkey."),
    ("AID", "CHN", "LKA", "China gave Sri Lanka $500 million in emergency credit on Monday."),
    (
        "AID",
        "USA",
        "ISR",
        "The United States approved $14 billion in military assistance to Israel.",
    ),
    (
        "AID",
        "SAU",
        "YEM",
        "Saudi Arabia transferred $1 billion to Yemen's central bank on Tuesday.",
    ),
    ("AID", "GBR", "SDN", "Britain announced 20 million pounds of humanitarian funding for Sudan."),
    ("AID", "USA", "HTI", "US Navy helicopters airlifted food and water to Haiti on Monday."),
    ("AID", "TUR", "SYR", "Turkish aid agencies distributed food to Syrian earthquake victims."),
    ("AID", "KOR", "UKR", "South Korea supplied Ukraine with artillery shells, officials said."),
    ("AID", "RUS", "SYR", "Russia delivered wheat to Syria on Thursday."),
    (
        "CONCEDE",
        "FRA",
        "",
        "The French government backed down over the pension reform on Thursday.",
    ),
    ("CONCEDE", "KEN", "", "Kenya's president dropped plans to raise taxes after deadly protests."),
    ("CONCEDE", "CHN", "", "China eased COVID-19 restrictions on Wednesday after rare protests."),
    ("CONCEDE", "IND", "", "India repealed three contested farm laws on Friday."),
    ("CONCEDE", "SRB", "", "Serbia's prime minister resigned on Tuesday amid mass protests."),
    (
        "CONCEDE",
        "GHA",
        "",
        "Ghana's government scrapped an unpopular tax on mobile money transfers.",
    ),
    ("CONCEDE", "CHL", "", "Chile's president reversed a metro fare hike after violent protests."),
    (
        "CONCEDE",
        "NPL",
        "",
        "Nepal lifted a ban on social media platforms on Tuesday after deadly protests.",
    ),
    (
        "CONCEDE",
        "HKG",
        "",
        "Hong Kong's leader formally withdrew the extradition bill on Wednesday.",
    ),
    ("CONCEDE", "MNG", "", "Mongolia's prime minister resigned after losing a confidence vote."),
    (
        "CONCEDE",
        "BOL",
        "",
        "Bolivia's government agreed to the demands of protesting truckers on Friday.",
    ),
    (
        "COOPERATE",
        "TUR",
        "AZE",
        "Turkish and Azerbaijani troops began joint military exercises on Monday.",
    ),
    ("COOPERATE", "ITA", "LBY", "Italy and Libya carried out joint patrols in the Mediterranean."),
    (
        "COOPERATE",
        "UKR",
        "POL",
        "Ukraine and Poland launched a joint investigation into the missile blast.",
    ),
    ("COOPERATE", "THA", "CHN", "Thailand and China launched joint patrols on the Mekong River."),
    ("PROTEST", "IRN", "", "Iranian women protested in Tehran on Saturday."),
    ("PROTEST", "PAK", "", "Supporters of Imran Khan marched on Islamabad on Sunday."),
    ("PROTEST", "GBR", "", "Rail workers in Britain held a 24-hour strike on Saturday."),
    ("PROTEST", "BGD", "", "Garment workers in Bangladesh protested for higher wages on Monday."),
    ("PROTEST", "ARM", "", "Armenian opposition supporters blocked streets in Yerevan on Monday."),
    (
        "PROTEST",
        "MEX",
        "",
        "Mexican judicial workers went on strike on Monday over the judicial reform.",
    ),
    ("PROTEST", "GEO", "", "Tens of thousands of Georgians demonstrated in Tbilisi on Sunday."),
    (
        "AGREE",
        "USA",
        "CHN",
        "The United States and China agreed to resume military talks on Wednesday.",
    ),
    (
        "AGREE",
        "ISR",
        "PSE",
        "Israel and Hamas agreed to a ceasefire and hostage release deal on Wednesday.",
    ),
    ("AGREE", "RUS", "", "Russia's president pledged to support the new government in Damascus."),
    (
        "AGREE",
        "AUS",
        "GBR",
        "Australia, Britain and the United States agreed to share nuclear submarine technology.",
    ),
    ("AGREE", "DEU", "", "Germany's chancellor vowed to increase defence spending on Sunday."),
    (
        "AGREE",
        "IND",
        "CHN",
        "India and China reached an understanding on border patrols on Monday.",
    ),
    ("AGREE", "BRA", "", "Brazil offered to mediate between Venezuela and Guyana."),
    ("AGREE", "SAU", "ISR", "Saudi Arabia said it was ready to normalise ties with Israel."),
    ("AGREE", "ARM", "AZE", "Armenia and Azerbaijan committed to a peace process on Friday."),
]

RECALLED += [
    ("AGREE", "QAT", "", "Qatar offered to host talks between the two sides."),
    ("AGREE", "KEN", "HTI", "Kenya offered to lead a multinational police force in Haiti."),
    ("AGREE", "EGY", "ISR", "Egypt offered to host a meeting between Israel and Hamas."),
]

RECALLED += [
    ("AID", "DEU", "UKR", "Ukraine received a new batch of Leopard tanks from Germany on Monday."),
    ("AID", "SAU", "SDN", "Sudan received 200 tonnes of food aid from Saudi Arabia."),
    ("AID", "IGO", "EGY", "Egypt got a $3 billion loan from the IMF."),
    ("AID", "TUR", "SOM", "Turkey built a hospital in Mogadishu."),
    (
        "AID",
        "USA",
        "ISR",
        "The United States approved $14 billion in military assistance to Israel.",
    ),
    ("AID", "GBR", "SDN", "Britain announced 20 million pounds of humanitarian funding for Sudan."),
    (
        "COOPERATE",
        "DNK",
        "UKR",
        "Danish and Ukrainian firms launched a joint venture to build drones.",
    ),
    ("PROTEST", "PAK", "", "Pakistani lawyers boycotted the courts on Tuesday."),
]

RECALLED += [
    ("AGREE", "UKR", "RUS", "Ukraine said it was ready for talks with Russia."),
    (
        "AGREE",
        "IRN",
        "SAU",
        "Iran is open to dialogue with Saudi Arabia, the foreign minister said.",
    ),
]

RECALLED += [
    ("PROTEST", "IRN", "", "Protests broke out across Iran on Sunday."),
    ("PROTEST", "KEN", "", "Anti-government protests erupted in Nairobi on Tuesday."),
    ("PROTEST", "ARG", "", "A general strike paralysed Argentina on Thursday."),
]

RECALLED += [
    ("AGREE", "UKR", "RUS", "Russia and Ukraine agreed to exchange 200 prisoners each."),
    (
        "AGREE",
        "GBR",
        "FRA",
        "France and Britain agreed to share intelligence on migrant smuggling.",
    ),
    ("AGREE", "CHN", "IRN", "Russia and China agreed to supply weapons to Iran."),
]

RECALLED += [
    ("AID", "DEU", "SYR", "Germany allocated 100 million euros for Syrian refugees."),
    ("AID", "IGO", "PAK", "The IMF board approved the disbursement of $1.1 billion to Pakistan."),
    ("AID", "JPN", "UKR", "Japan granted Ukraine $500 million on Tuesday."),
    ("AID", "KWT", "JOR", "Kuwait handed Jordan a $500 million grant."),
    ("AID", "USA", "ISR", "The United States rushed munitions to Israel."),
    ("AID", "UGA", "", "Uganda opened its borders to refugees fleeing South Sudan."),
]

RECALLED += [
    ("COOPERATE", "PHL", "USA", "US and Philippine marines held live-fire drills."),
    (
        "COOPERATE",
        "KOR",
        "USA",
        "US and South Korean troops began annual military drills on Monday.",
    ),
]

RECALLED += [
    ("PROTEST", "FRA", "", "French unions launched a rolling strike on the railways."),
    ("PROTEST", "GBR", "", "British nurses began a 48-hour strike on Monday."),
    ("COOPERATE", "PAK", "CHN", "Pakistan and China inaugurated a joint power project."),
]

RECALLED += [
    ("CONCEDE", "BGD", "", "Bangladesh unblocked social media platforms on Wednesday."),
    ("CONCEDE", "TUR", "", "Turkey unbanned Wikipedia after nearly three years."),
    ("CONCEDE", "ETH", "", "Ethiopia's government legalised opposition parties on Monday."),
    ("CONCEDE", "PER", "", "Peru's congress voted to bring forward elections after protests."),
    ("CONCEDE", "COL", "", "Colombia's president withdrew the tax reform bill on Sunday."),
    ("CONCEDE", "GHA", "", "Ghana's government suspended the new tax on mobile payments."),
]

RECALLED += [
    ("AGREE", "SAU", "EGY", "Egypt and Saudi Arabia agreed to set up a joint commission."),
    ("AGREE", "JPN", "IND", "India and Japan agreed on a roadmap for defence cooperation."),
]

NEAR_MISSES = [
    "Russia launched a strike on Kyiv on Monday.",
    "An air strike hit a school in Gaza on Monday.",
    "Iran received a delegation from Iraq on Sunday.",
    "The army received orders from the president to withdraw.",
    "Militants built tunnels under the border.",
    "Three aid workers were killed in an air strike in Gaza on Tuesday.",
    "The strike on the convoy killed 12 people, officials said.",
    "Fuel prices rose sharply in Nigeria last month.",
    "The agreement between the two countries expired last year.",
    "Talks between Iran and the United States are expected next week.",
    "Russian troops withdrew from the town after heavy fighting.",
    "The refugee camp in Jordan was flooded after heavy rain.",
    "Police arrested 20 people at a rally in Moscow on Saturday.",
    "The joint statement made no mention of Taiwan.",
    "Israel launched air strikes on Lebanon on Monday.",
    "The deal collapsed in 2018 when the United States withdrew.",
    "The protest movement began in 2019, analysts said.",
    "The loan will be repaid over ten years, the ministry said.",
    "Aid convoys have been unable to reach northern Gaza for weeks.",
    "The ban on imports remains in place, the ministry said.",
    "Militants set up camps in the mountains near the border.",
    "The delegation flew to Geneva on Monday for talks with Iranian officials.",
    "Oil prices dropped after the announcement, traders said.",
    "The minister took to social media to defend the decision.",
    "Hundreds of people walked out of the stadium after the match.",
    "The government spent $2 billion in the first quarter on fuel imports.",
]

KINDS = {"AID", "CONCEDE", "COOPERATE", "PROTEST", "AGREE"}


@pytest.mark.parametrize(("category", "actor", "recipient", "text"), RECALLED)
def test_wire_phrasing_is_coded(coder, category, actor, recipient, text):
    events = code(coder, text)
    if recipient:
        assert (actor, recipient) in dyads(events, category), events
    else:
        assert any(e.event == category and actor in {a.code for a in e.actor} for e in events), (
            events
        )


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_miss_is_not_one_of_these_kinds(coder, text):
    assert not {e.event for e in code(coder, text)} & KINDS
