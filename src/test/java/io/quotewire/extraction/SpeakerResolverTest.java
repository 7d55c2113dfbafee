package io.quotewire.extraction;

import static io.quotewire.extraction.ExtractionAssertions.extract;
import static io.quotewire.extraction.ExtractionAssertions.quote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Who speaks, over a whole short article: the entity table links names, titles, role nouns and
 * pronouns to one person or organisation. One row per failure class of issue 10; "/" separates
 * paragraphs; "-" is no speaker. Own sentences.
 */
class SpeakerResolverTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # case | body | quote | speaker
            # 1. a title or role is not the name: the named holder speaks
            role before the name, then she | Foreign Office spokesperson Lina Haddad held the weekly briefing. / "The reports are false," she said. | The reports are false | Lina Haddad
            title and place before the name | The plant opened on Tuesday, according to US Ambassador to Norway Kari Lind. / "This is a good day," Lind said. | This is a good day | Kari Lind
            portfolio inside the title | "We will hire locally," said Vice President Global Operations Mia Sandberg. | We will hire locally | Mia Sandberg
            role after the name | Rui Matos, Product Supply Director at Fjordco, said that the line was ready. | the line was ready | Rui Matos
            # 2. a country or body is not the person who speaks for it
            country inside the spokesperson's clause | Foreign ministry spokesperson Kari Lind met reporters. / She said that Norway had noted the bill and "we have seen no evidence." | we have seen no evidence. | Kari Lind
            he is the director, not the agency | Ken Dahl is the director of Valley Fire Service. He says the fires are under control. / "Leave when you are told," he said. | Leave when you are told | Ken Dahl
            an organisation speaks when the words are its own | The Lakeside Teachers Union rejected the offer. / The union said the pay rise was too small. | the pay rise was too small | Lakeside Teachers Union
            acronym of an organisation named in full | The World Weather Organization issued a warning on Monday. / "The heat will last," WWO said. | The heat will last | World Weather Organization
            # 3. a demonym or an age is not a name
            demonym before the title | "We played well," said Croatian coach Ivo Kos. | We played well | Ivo Kos
            age after the name | "The water rose fast," said Joao Pires, 68. | The water rose fast | Joao Pires
            # 4. customary single names and first names
            first name alone | Amani Odera addressed supporters on Sunday. / "We will not give up," said Amani. | We will not give up | Amani Odera
            title with a first name | Health chief Tesfaye Gebremariam Alemu spoke in Geneva. / "The risk is high," Dr Tesfaye said. | The risk is high | Tesfaye Gebremariam Alemu
            middle name alone | Health chief Tesfaye Gebremariam Alemu spoke in Geneva. / "The risk is high," Gebremariam said. | The risk is high | Tesfaye Gebremariam Alemu
            surname misspelt by one letter | Ruth Halvorsen leads the rescue team. / "We need more boats," Halvorsn said. | We need more boats | Ruth Halvorsen
            # 5. speakers the article makes plain
            role noun for the person just named | Coach Nadia Rahim watched her side lose. / "We fought hard," said the former national captain. / "The second half was better." | The second half was better. | Nadia Rahim
            role noun named in an apposition | The judge, Helen Marsh, handed down the sentence. / "Your actions were cruel," the judge said. | Your actions were cruel | Helen Marsh
            inverted attribution with an organisation after the name | "Stay indoors," said Sgt. Brent Olafsen with the Lakeside police. | Stay indoors | Brent Olafsen
            pronoun chain across paragraphs | Tom Reyes ran the clinic for twenty years. / He said the clinic would close in May. / "It is a sad day," he said. | It is a sad day | Tom Reyes
            lead pronoun before any name | She said the ban had been lifted. / Spokesperson Lina Haddad gave no date. | the ban had been lifted | Lina Haddad
            subject before a relative clause | Mr Kamau, who has left the race, said that the vote was unfair. / Joel Kamau spoke in Kisumu. | the vote was unfair | Joel Kamau
            # 6. the right one of two people
            someone's relation is not the pronoun's referent | Actor Piet Jansen thanked his fans. / Posing with his wife Mara Lind, he wrote: "Feeling much better." | Feeling much better. | Piet Jansen
            # the pronoun's gender, as the text itself gives it
            she after a man, for the woman a kin noun describes | Tom Ashby spoke first. / "The road is dangerous," Mr Ashby said. / The boy's mother, Ruth Kell, sat beside him. / "I want answers," she said. | I want answers | Ruth Kell
            he after a woman a courtesy title names | Ms Ruth Kell chairs the board. / "We will appeal," Ms Kell said. / Tom Ashby runs the depot. / "We were not told," he said. | We were not told | Tom Ashby
            she for the speaker the text calls her | Ruth Kell chairs the board. She opened the meeting. / Tom Ashby runs the depot. / "We will appeal," Kell said. / "The vote was rushed," she said. | The vote was rushed | Ruth Kell
            an abbreviated title is the role noun | Gov. Ruth Kell signed the bill. / Sen. Tom Ashby opposed it. / The money will come from a reserve, the governor said. | The money will come from a reserve | Ruth Kell
            a person a paragraph opens with, not the last speaker | "The plan is rushed," Ruth Kell said. / Board Chair Tom Ashby defended the vote. "We could not wait," he said. | We could not wait | Tom Ashby
            the last speaker, when the paragraph names someone only after a preposition | "The plan is rushed," Tom Ashby said. / On the plan for Port Ellis, he said more time was needed. | more time was needed | Tom Ashby
            honours after the name are not part of it | "The verdict is unsafe," said Ruth Kell KC. / "We will appeal," Ms Kell said. | We will appeal | Ruth Kell
            the organisation the noun heads, not the last one named | The Harbour State University led the study. / Funding came from the Kellby Institute. / The university said it had filed a patent. | it had filed a patent | Harbour State University
            honours after a name that opens a sentence | Ruth Kell MBE, 79, told the meeting: "It is the only warm place we have." | It is the only warm place we have. | Ruth Kell
            the organisation a bare headline noun names, not its chair | Port plan will create jobs, authority says / The Kell Bay Ports Authority backed the plan. / Authority chair Ruth Kell said the channel was too shallow. | Port plan will create jobs | Kell Bay Ports Authority
            an age that stands for the person | Tom Ashby was left out of the squad. / Speaking on Sunday, the 33-year-old said that he had learnt of it by text. | he had learnt of it by text | Tom Ashby
            a role closed by a name, then an apposition | Chairman of selectors Tom Ashby, a former wicketkeeper, stated that the panel would "invest in youth" this season. | invest in youth | Tom Ashby
            an organisation with an apposition holding a relative clause | The Kell Elephant Fund, a charity that counts the herds, said the tusks came from four animals. | the tusks came from four animals | Kell Elephant Fund
            a subject with a relative clause, then two verbs | Former captain Ruth Kell, who now coaches juniors, called the decision "shabby" and said the board owed the player an apology. | the board owed the player an apology | Ruth Kell
            an organisation defined by its acronym, "and" inside its name | Drivers of the Road and Rail Workers' Union (RRWU) voted to strike. / RRWU said the strike would start on Monday. | the strike would start on Monday | Road and Rail Workers' Union
            an unnamed source, then the name in its apposition | A spokesman for the state fire service, Mr Tom Ashby, disclosed that two crews had responded. | two crews had responded | Tom Ashby
            a demonym that stands for the person | Tom Ashby won the stage in Liege. / The Italian said his team had let the break go. | his team had let the break go | Tom Ashby
            a company whose name holds an ampersand | Shares in Kell & Ashby fell on Tuesday. / The company said it would close eight shops. | it would close eight shops | Kell & Ashby
            the club named in full | Ruth Kell found the tortoise on the Vale Golf Club course. / The club said the tortoise was now an honorary member. | the tortoise was now an honorary member | Vale Golf Club
            a quote paragraph after a paragraph that introduces someone | "The clinic is full," Tom Ashby said. / Ruth Kell, 29, had brought her daughters to the clinic. / "I was scared," she said. | I was scared | Ruth Kell
            a hyphenated kin noun refers back | Fans were left out of pocket. Ruth Kell had booked a hotel. / "It is a shambles," the mum-of-two said. | It is a shambles | Ruth Kell
            according to a participle title | According to returning officer Ruth Kell, turnout was up on the last vote. | turnout was up on the last vote | Ruth Kell
            # 8. an addressee or outlet is not the speaker
            told an outlet | Singer Ana Berg left hospital on Monday. / "I am fine," Berg told PEOPLE. | I am fine | Ana Berg
            # unnamed speakers stay unnamed
            an unnamed spokesperson, then the spokesperson | Sara Holm runs the port. / A police spokesperson said the road was closed. / The spokesperson added that the crash was under investigation. | the crash was under investigation | -
            a place after a preposition is not the speaker | Ana Reid won the count. / One Reid volunteer outside City Hall claimed that the vote was unfair. | the vote was unfair | -
            someone's representative | Actor Piet Jansen was taken to hospital. / His rep tells PEOPLE that he is resting. | he is resting | -
            """)
    void resolvesTheSpeaker(String name, String body, String quoteText, String speaker) {
        Extraction extraction = extract("Title\n\n" + body.replace(" / ", "\n\n") + "\n");
        ExtractedQuote quote = quote(extraction, quoteText);
        assertEquals(speaker, quote.speaker() == null ? null : quote.speaker().name(),
                name + " (rule " + quote.rule().id() + ", mention " + quote.speakerMention() + ")");
    }
}
