# The toetsanalyse (src/cmd/analyse/): what `toetsgen analyse` says, and the text of the report.

## The scores of a question exam (scores.rs)

analyse-csv-too-large = the file is { $size } MB, more than the { $max } MB toetsgen reads of a score export
analyse-csv-bad-encoding = a character here cannot be read: the file is neither valid UTF-8, UTF-16 nor Windows-1252
analyse-csv-windows-1252 = note: the score export was read as Windows-1252 (Excel's default in the Netherlands), as it is not UTF-8
analyse-csv-empty = the score export is empty
    .help = put the headers on the first line: kandidaat, then per question the code of its toetsterm (for instance kandidaat;B2.01;B2.01;B2.02), and under it one line per candidate
analyse-csv-too-many-kandidaten = more than { $max } candidates: toetsgen does not read that many at once
analyse-csv-fields = this line has { $n } { $n ->
        [one] field
       *[other] fields
    }, the header { $header }
    .help = every line has as many fields as the header, separated by { $separator }; if a name holds the separator, put the name in quotes
analyse-csv-no-kandidaat = the first column (kandidaat) is empty
    .help = put the candidate's number or name in the first column
analyse-csv-duplicate = candidate { $kandidaat } is listed twice (also on line { $first })
    .help = every candidate has one line; remove the double line, or give the two candidates a number each
analyse-csv-header-only = the file has a header but no candidates
    .help = add one line per candidate with their scores under the header
analyse-csv-unreadable = the file cannot be read as CSV: { $error }
analyse-csv-first-column = the first column is called "{ $name }", but must be called "kandidaat"
    .help = the first column is the candidate's number or name; the columns after it are the questions, each headed by the code of its toetsterm
analyse-csv-too-many-questions = more than { $max } questions: toetsgen does not read that many at once
analyse-csv-unknown-toetsterm = the header "{ $name }" is not a toetsterm of plan { $plan }
    .help = every header after "kandidaat" is the code of the toetsterm the question tests; the toetstermen of this plan are { $codes }
analyse-csv-too-many-columns = toetsterm { $code } has more columns than the plan says: by the plan, { $code } is tested by { $n } { $n ->
        [one] question
       *[other] questions
    }
    .help = give every toetsterm as many columns as its aantal_opdrachten in the toetsplan; if the plan is wrong, correct the plan first
analyse-csv-too-few-columns = toetsterm { $code } has { $found } { $found ->
        [one] column
       *[other] columns
    }, but by the plan it is tested by { $n } { $n ->
        [one] question
       *[other] questions
    }
    .help = give every toetsterm as many columns as its aantal_opdrachten in the toetsplan; if the plan is wrong, correct the plan first
analyse-csv-no-questions = there are no questions: only the column kandidaat
    .help = after the column kandidaat, add one column per question, headed by the code of its toetsterm
analyse-csv-empty-cell = the score in column { $kolom } (toetsterm { $code }) is empty
analyse-csv-not-a-score = "{ $value }" in column { $kolom } (toetsterm { $code }) is not a score
    .help = a score is a number of 0 or more, such as 0, 1 or 2.5; a question not answered scores 0
analyse-csv-control = there is a control character here ({ $char }), which does not belong in a score export

## Saved forms (forms.rs, analyse.rs)

analyse-forms-three = candidate { $name } has { $n } forms by different assessors ({ $files }); the analysis compares two assessors per candidate: keep only the two forms of the double judgement
analyse-forms-refused = nothing analysed: { $n ->
        [one] one form was
       *[other] { $n } forms were
    } refused (see above); an analysis without all forms would give a distorted picture
analyse-forms-plans = the forms are of more than one plan ({ $plans }); analyse the forms of each plan on their own
analyse-forms-other-plan = --plan names { $asked }, but the forms are of plan { $code }
analyse-forms-questions = plan { $code } is a question exam: analyse the exam's score export (CSV) with --plan { $code }, not the saved forms

## The command (analyse.rs)

analyse-input-kind = give one score export (.csv) of a question exam, or saved beoordelingsformulieren (.json); not both mixed
analyse-plan-needed = with a score export, say which plan the exam is with --plan CODE (for instance --plan B2)
analyse-plan-unknown = plan { $code } is not among the plans that pass check in { $plans }
analyse-plan-not-questions = plan { $code } is a proeve (judged by observation), not a question exam: analyse the saved beoordelingsformulieren (.json) instead of a score export
analyse-max-note = note: there are scores other than 0 and 1; the plan gives no points per question, so each question's highest score is the highest score a candidate got on it
analyse-q-summary = { $plan }: { $kandidaten } candidates, { $vragen } questions, reliability (alpha) { $alpha }; { $flagged ->
        [0] no questions flagged
        [one] 1 question flagged for a second look
       *[other] { $flagged } questions flagged for a second look
    }
analyse-o-summary = { $plan }: { $formulieren } forms, { $paren ->
        [0] no candidates judged by two assessors
        [one] 1 candidate judged by two assessors, kappa { $kappa }
       *[other] { $paren } candidates judged by two assessors, kappa { $kappa }
    }
analyse-written = report: { $md } and { $html } (personal data: keep the folder out of version control)

## The report (content.rs)

analyse-title = Toetsanalyse { $plan }: { $naam }
analyse-report-made = Made by toetsgen on { $date }. This report holds data on candidates: share it with the examencommissie only.
analyse-q-intro = Question exam of plan { $plan } (version { $versie }): { $kandidaten } candidates, { $vragen } questions.
analyse-o-intro = Proeve of plan { $plan } (version { $versies }): { $formulieren } beoordelingsformulieren of { $kandidaten } candidates, of whom { $paren } by two assessors.

analyse-h-test = The test as a whole
analyse-caption-test = Key figures of the test
analyse-col-figure = Figure
analyse-col-value = Value
analyse-col-meaning = Explanation
analyse-fig-kandidaten = Candidates
analyse-fig-vragen = Questions
analyse-fig-max = Highest score possible
analyse-max-goed = every question counts 1 point (all scores are 0 or 1)
analyse-max-hoogste = the plan gives no points per question: per question, the highest score a candidate got on it counts
analyse-fig-mean = Mean score
analyse-fig-sd = Standard deviation
analyse-means-sd = how far the scores lie from the mean, on average
analyse-fig-alpha = Reliability (Cronbach's alpha)
analyse-means-alpha = from 0 to 1; from 0.80 good for an exam, below 0.70 a worry
analyse-fig-sem = Standard error of measurement (SEM)
analyse-means-sem = a candidate's score can be off by this many points by chance; look above all at candidates this close to the cesuur
analyse-fig-cesuur = Cesuur of the toetsplan
analyse-passing = { $n } passed ({ $percent })
analyse-cesuur-text = the toetsplan gives the cesuur only as text: { $text }
analyse-cesuur-none = the toetsplan gives no cesuur
analyse-fig-proposal = Cesuur proposal (Cohen-Schotanus)
analyse-means-proposal = a proposal only, not applied: 60 % of the score { $reference } of the candidate at the 95th percentile (guessing not counted); with it { $passing }

analyse-h-flagged = Questions for a second look
analyse-none-flagged = No question stands out: every p-value lies within the limits and every Rir is high enough.
analyse-flagged-intro = { $n ->
        [one] One question stands out.
       *[other] { $n } questions stand out.
    } A flag is a reason to read the question again (is the key right, is the question clear?), not a verdict: with few candidates the figures vary a lot by chance.
analyse-caption-flagged = Flagged questions
analyse-h-questions = All questions
analyse-caption-questions = Figures per question
analyse-col-vraag = Question
analyse-col-toetsterm = Toetsterm
analyse-col-kolom = Column
analyse-col-p = p-value
analyse-col-rit = Rit
analyse-col-rir = Rir
analyse-col-alpha-zonder = Alpha without this question
analyse-col-signaal = Stands out
analyse-flag-hard = hard (p below { $p })
analyse-flag-easy = easy (p above { $p })
analyse-flag-low-rir = discriminates little (Rir below { $rir })
analyse-flag-negative-rir = negative Rir: good candidates do worse on this question (wrong key?)
analyse-flag-no-rir = no Rir: everyone had the same score on this question

analyse-h-groups = Per toetsterm, onderdeel and level
analyse-groups-intro = The mean p-value of the questions of each toetsterm, onderdeel and level. A toetsterm of several levels counts for each of them.
analyse-caption-toetstermen = Per toetsterm
analyse-caption-onderdelen = Per onderdeel
analyse-caption-niveaus = Per level (K kennis, B begrip, RV reproductieve vaardigheden, PV productieve vaardigheden)
analyse-col-vragen = Questions
analyse-col-p-mean = Mean p-value
analyse-col-onderdeel = Onderdeel
analyse-col-niveau = Level

analyse-h-distribution = Distribution of the total scores
analyse-chart-distribution = Histogram of the total scores
analyse-chart-distribution-desc = The number of candidates per total score; the data are in the table under the chart.
analyse-caption-distribution = Candidates per total score
analyse-col-score = Total score
analyse-col-kandidaten = Candidates

analyse-h-p-rir = p-value and Rir per question
analyse-p-rir-intro = Each dot is a question. The dashed lines are the limits: p-value { $low } and { $high }, Rir { $rir } and 0. Questions left of, right of or under the lines stand out.
analyse-chart-p-rir = p-value against Rir per question
analyse-chart-p-rir-desc = Scatter plot with each question's p-value across and its Rir up; the data are in the table under the chart.
analyse-caption-p-rir = p-value and Rir per question

analyse-h-explain = What the figures mean
analyse-explain-p = p-value: the share of candidates who got the question right (with points: the mean score divided by the highest score). Below 0.30 a question is hard, above 0.90 so easy that it tells little.
analyse-explain-rit = Rit and Rir: does a good answer to this question go with a good score on the test? Rit compares with the total score, Rir with the score on the other questions (fairer, as the question itself does not count). A Rir below 0.20 is low; a negative Rir often means a wrong key or an unclear question.
analyse-explain-alpha = Reliability (Cronbach's alpha, for 0/1 scores equal to KR-20): do the questions measure the same thing together? From 0.80 is good for an exam; below 0.70 the result of a candidate near the cesuur is uncertain. "Alpha without this question" above the test's alpha: the test is more reliable without that question.
analyse-explain-sem = Standard error of measurement (SEM, standard deviation × √(1 − alpha)): a score can be off by this many points by chance. A candidate within one SEM of the cesuur could as well have landed on the other side.
analyse-explain-proposal = Cesuur proposal (Cohen-Schotanus): the score of the best candidates (the 95th percentile) says how hard the test was; the cesuur lies at 60 % of it. It is a proposal for the examencommissie; toetsgen never applies it.
analyse-explain-undefined = A dash (–) means: cannot be computed, for instance a correlation for a question everyone got right.

analyse-h-agreement = Agreement between the assessors
analyse-no-pairs = No candidate was judged by two assessors, so there is no agreement to compute.
analyse-caption-agreement = Agreement over all toetstermen judged twice
analyse-fig-agreement = Agreement
analyse-means-agreement = the share of judgements in which both assessors said the same
analyse-fig-kappa = Cohen's kappa
analyse-means-kappa = agreement corrected for chance: 1 is full agreement, 0 no better than chance; below 0.60 a worry
analyse-fig-krippendorff = Krippendorff's alpha
analyse-means-krippendorff = the same idea as kappa, over all judgements together; from 0.80 good, below 0.67 insufficient
analyse-h-toetstermen = Per toetsterm
analyse-caption-o-toetstermen = Judgements and agreement per toetsterm
analyse-col-oordelen = Judgements
analyse-col-voldoende = Voldoende
analyse-col-aangevinkt = Observations ticked
analyse-col-paren = Judged twice
analyse-col-agreement = Agreement
analyse-col-kappa = Kappa
analyse-h-assessors = Assessors
analyse-assessors-intro = Per assessor: how often they gave voldoende, beside how often the other assessor gave voldoende on the same candidates and toetstermen. An assessor who gives voldoende clearly less often is stricter.
analyse-caption-assessors = Severity per assessor
analyse-col-nummer = Number
analyse-col-naam = Name
analyse-col-formulieren = Forms
analyse-col-own-rate = Voldoende given
analyse-col-other-rate = Voldoende by the other
analyse-h-disagreements = Disagreements between the assessors
analyse-no-disagreements = The assessors agreed on every toetsterm judged twice.
analyse-caption-disagreements = Toetstermen the assessors disagreed on
analyse-col-kandidaat = Candidate
analyse-col-first = First judgement
analyse-col-second = Second judgement
analyse-judged-by = { $oordeel } (assessor { $n })
analyse-explain-agreement = Agreement: the share of toetstermen judged twice on which both assessors gave the same judgement.
analyse-explain-kappa = Cohen's kappa corrects the agreement for chance: when nearly everyone gets voldoende, two assessors often agree without looking closely. From 0.80 the agreement is good, from 0.60 to 0.80 fair, below that a worry: then discuss the disagreements and the meaning of the toetstermen with the assessors.
analyse-explain-matching = Candidates are recognised across forms by their name, assessors by the name on the form. Without --namen, candidates appear in this report by number: the order of their first form.
analyse-written-pdf = report: { $md }, { $html } and { $pdf } (personal data: keep the folder out of version control)
analyse-pdf-source = the report of toetsgen analyse
analyse-pdf-none = typst made no PDF of the report
analyse-pdf-no-typst = the report's PDF was not made ({ $why }); the Markdown and HTML report are written
