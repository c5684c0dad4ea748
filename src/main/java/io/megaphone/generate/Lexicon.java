package io.megaphone.generate;

/**
 * Words and phrases the generator composes posts from, in French and English. Neutral phrases avoid every
 * word of the promotion, bait and buzzword lists so that planted flags are the only flags.
 */
final class Lexicon {
  private Lexicon() {}

  static final String[] FIRST_NAMES = {"marie", "lucas", "chloe", "hugo", "lea", "nathan", "emma", "louis", "jade",
      "arthur", "ines", "jules", "camille", "theo", "manon", "paul", "sarah", "tom", "julie", "leo", "olivia", "jack",
      "amelia", "harry", "isla", "oscar", "ava", "george", "mia", "noah", "grace", "liam", "ella", "ethan", "ruby",
      "mason", "lily", "james", "zoe", "adam"};

  static final String[] BRAND_PREFIXES = {"Aurore", "Boréal", "Cèdre", "Dune", "Éclat", "Fjord", "Galet", "Horizon",
      "Iris", "Jade", "Kairos", "Lumen", "Mistral", "Nacre", "Opale", "Prisme", "Quartz", "Rivage", "Saule", "Tilleul",
      "Ulysse", "Vesta", "Zénith", "Azur", "Brume", "Cobalt", "Delta", "Écume", "Flore", "Granit", "Hélios", "Ivoire"};
  static final String[] SECTORS_FR = {"Télécom", "Banque", "Voyages", "Café", "Mode", "Énergie", "Assurances", "Auto",
      "Optique", "Bio", "Sport", "Maison", "Cosmétiques", "Librairie", "Air", "Rail", "Pizza", "Vélo", "Jeux", "Santé"};
  static final String[] SECTORS_EN = {"Telecom", "Bank", "Travel", "Coffee", "Fashion", "Energy", "Insurance", "Motors",
      "Optics", "Foods", "Sports", "Home", "Beauty", "Books", "Air", "Rail", "Pizza", "Bikes", "Games", "Health"};

  static final String[] CITIES = {"Paris", "Lyon", "Marseille", "Bordeaux", "Lille", "Nantes", "Toulouse", "Nice",
      "Rennes", "Strasbourg", "Montréal", "Bruxelles", "Genève", "London", "Manchester", "Dublin", "Boston", "Leeds"};

  // Neutral brand posts: subject + verb + object + complement, twice.
  static final String[] SUBJ_FR = {"Notre équipe", "Notre conseillère", "La nouvelle collection", "Le magasin de Lyon",
      "Notre application", "Le service client", "Notre artisan", "La boutique en ligne", "Notre atelier",
      "Le programme de fidélité", "Notre cheffe", "Notre technicien", "La fondation", "Notre laboratoire",
      "Le comité des usagers", "Notre rédaction", "Notre apprentie", "La direction régionale", "Notre podcast",
      "Le nouveau site"};
  static final String[] VERB_FR = {"présente", "prépare", "accueille", "met à jour", "raconte", "célèbre", "teste",
      "inaugure", "explique", "dévoile", "améliore", "publie", "organise", "soutient", "accompagne", "restaure"};
  static final String[] OBJ_FR = {"les coulisses de la fabrication", "un nouveau parcours en ville",
      "la recette du mois", "les horaires d'été", "un atelier de réparation", "le bilan carbone de l'année",
      "une exposition de photographies", "les résultats du sondage", "la carte des points de retrait",
      "un guide pour bien démarrer", "les nouveaux trajets du matin", "un jardin partagé", "la rénovation du hall",
      "un concert en plein air", "les métiers de demain", "une collecte de vêtements", "le tri des emballages",
      "une visite de l'entrepôt", "le calendrier des ateliers", "les portraits de nos clients"};
  static final String[] COMP_FR = {"ce week-end", "dès lundi", "à Bordeaux", "avec nos partenaires locaux",
      "pour la rentrée", "tout l'été", "dans vingt villes", "en direct ce soir", "jusqu'à la fin du mois",
      "avec les écoles du quartier", "au printemps", "depuis notre atelier de Nantes", "pendant les vacances",
      "avec une association locale", "en Bretagne", "dans toutes nos agences", "avant la fin de l'année",
      "en avant-première", "sur notre chaîne", "au cœur de Lille"};

  static final String[] SUBJ_EN = {"Our team", "Our adviser", "The new collection", "The Leeds store", "Our app",
      "Customer care", "Our maker", "The online shop", "Our workshop", "The loyalty programme", "Our head chef",
      "Our engineer", "The foundation", "Our lab", "The riders' panel", "Our newsroom", "Our apprentice",
      "The regional office", "Our podcast", "The new website"};
  static final String[] VERB_EN = {"presents", "is preparing", "welcomes", "updates", "tells the story of",
      "celebrates", "is testing", "opens", "explains", "unveils", "improves", "publishes", "hosts", "supports",
      "is restoring", "maps"};
  static final String[] OBJ_EN = {"the making of our products", "a new city trail", "the recipe of the month",
      "the summer opening hours", "a repair workshop", "this year's carbon report", "a photography exhibition",
      "the survey results", "the map of pickup points", "a beginner's guide", "the new morning routes",
      "a shared garden", "the lobby renovation", "an open-air concert", "the jobs of tomorrow", "a clothing drive",
      "the packaging recycling scheme", "a warehouse tour", "the workshop calendar", "portraits of our customers"};
  static final String[] COMP_EN = {"this weekend", "from Monday", "in Bristol", "with local partners",
      "for the new school year", "all summer", "in twenty cities", "live tonight", "until the end of the month",
      "with local schools", "in spring", "from our Leeds workshop", "during the holidays", "with a local charity",
      "in Scotland", "in every branch", "before the end of the year", "as a preview", "on our channel",
      "in the heart of Dublin"};

  static final String[] NEUTRAL_TAGS = {"#paris", "#lyon", "#design", "#nature", "#weekend", "#inspiration",
      "#lifestyle", "#travel", "#food", "#style", "#happy", "#photo", "#green", "#local", "#news", "#team",
      "#instagood", "#photooftheday", "#mood", "#sunday"};

  // Self-promotion
  static final String[] PROMO_OPEN_FR = {"Soldes :", "Offre spéciale :", "Promo flash :", "Bon plan :",
      "Vente privée :", "Prix choc :"};
  static final String[] PROMO_TAIL_FR = {"jusqu'à dimanche", "avec le code promo %s", "dès %d,99 €",
      "Achetez maintenant !", "livraison offerte", "profitez-en vite", "offre limitée"};
  static final String[] PROMO_OPEN_EN = {"Sale:", "Special offer:", "Flash deal:", "Deal of the day:",
      "Limited offer:", "Price drop:"};
  static final String[] PROMO_TAIL_EN = {"until Sunday", "with promo code %s", "from $%d.99", "Buy now!",
      "free shipping", "shop now", "while stocks last"};
  static final String[] PRODUCTS_FR = {"les vestes en lin", "nos forfaits mobiles", "les billets pour Lisbonne",
      "la gamme bio", "les baskets de course", "nos coffrets cadeaux", "les abonnements annuels",
      "les machines à café", "les vélos électriques", "les lunettes de soleil", "les assurances habitation",
      "les pizzas du soir", "les jeux de société", "la crème de jour", "les romans de la rentrée"};
  static final String[] PRODUCTS_EN = {"linen jackets", "mobile plans", "flights to Lisbon", "the organic range",
      "running shoes", "gift boxes", "annual subscriptions", "coffee machines", "e-bikes", "sunglasses",
      "home insurance", "evening pizzas", "board games", "day cream", "new novels"};

  // Engagement bait, one list per class
  static final String[][] BAIT_PAIRS_FR = {{"crêpes roulées", "crêpes pliées"}, {"café", "thé"},
      {"plage", "montagne"}, {"chat", "chien"}, {"sucré", "salé"}, {"train", "voiture"}, {"été", "hiver"}};
  static final String[][] BAIT_PAIRS_EN = {{"pancakes", "waffles"}, {"coffee", "tea"}, {"beach", "mountains"},
      {"cats", "dogs"}, {"sweet", "savoury"}, {"train", "car"}, {"summer", "winter"}};
  static final String[] BAIT_VOTE_FR = {"Tu préfères %s ou %s ? Vote !", "Plutôt %s ou %s ? Votez en commentaire",
      "Team %s ou team %s ? À vos votes !"};
  static final String[] BAIT_VOTE_EN = {"Would you rather %s or %s? Vote now!", "%s or %s? Cast your vote",
      "Team %s or team %s? Vote below!"};
  static final String[] BAIT_REACT_FR = {"Like si tu aimes le %s !", "Réagis avec un ❤️ si tu es %s",
      "Un 👍 si tu préfères le %s"};
  static final String[] BAIT_REACT_EN = {"Like if you love %s!", "React with ❤️ if you are team %s",
      "Hit like if %s is your thing"};
  static final String[] BAIT_SHARE_FR = {"RT si tu es d'accord !", "Partagez si vous aimez le %s !",
      "Partage à tous tes amis fans de %s"};
  static final String[] BAIT_SHARE_EN = {"Retweet if you agree!", "Share if you love %s!",
      "Share this with every %s fan you know"};
  static final String[] BAIT_TAG_FR = {"Identifie un ami qui adore le %s !", "Tague la personne qui aime le %s",
      "Identifie ton binôme de %s"};
  static final String[] BAIT_TAG_EN = {"Tag a friend who loves %s!", "Tag someone who needs %s",
      "Tag your %s buddy"};
  static final String[] BAIT_COMMENT_FR = {"Commente OUI si tu veux du %s !", "Écris %s en commentaire !",
      "Réponds 1 pour %s en commentaire"};
  static final String[] BAIT_COMMENT_EN = {"Comment YES if you want %s!", "Type %s in the comments!",
      "Comment 1 for %s"};

  static final String[] BUZZ_FR = {"Notre communauté engagée vit une expérience disruptive.",
      "Storytelling, synergie et engagement : c'est notre ADN.", "Devenez un vrai ninja du digital avec nos gourous.",
      "Une approche disruptive pour booster l'engagement de la communauté.",
      "Nos évangélistes partagent leur vision holistique et agile."};
  static final String[] BUZZ_EN = {"Our engaged community lives a disruptive experience.",
      "Synergy, storytelling and engagement: that's our DNA.", "Become a true digital ninja with our gurus.",
      "A disruptive approach to boost community engagement.",
      "Our evangelists share a holistic, agile, game-changing vision."};

  static final String[] STUFFING_TAGS = {"#mode", "#style", "#ootd", "#love", "#instagood", "#photooftheday",
      "#fashion", "#beautiful", "#happy", "#cute", "#tbt", "#followme", "#picoftheday", "#selfie", "#summer",
      "#art", "#friends", "#nature", "#girl", "#fun"};

  static final String[] EMOJI = {"😍", "🔥", "🎉", "✨", "👏", "❤️", "😂", "🙌", "💯", "🤩", "👀", "🥳"};

  static final String[] LINK_LEAD = {"", "👉", "Nouveau", "À lire :", "New:", "Read:", "➡️ Ici", "Link"};

  // The public addressing a brand
  static final String[] GREET_FR = {"Bonjour", "Salut", "Hello", "", "Bonsoir"};
  static final String[] PROBLEM_FR = {"ma commande %d n'est toujours pas arrivée", "mon forfait ne fonctionne plus depuis ce matin",
      "le remboursement promis n'apparaît pas sur mon compte", "impossible de me connecter à l'application",
      "mon train de %dh a été supprimé sans prévenir", "la livraison a %d jours de retard", "j'ai été débité deux fois",
      "le colis reçu est abîmé", "ma carte est bloquée depuis %d jours", "la facture de mars est fausse",
      "le conseiller m'a raccroché au nez", "mon dossier %d n'avance pas"};
  static final String[] QUESTION_FR = {", pouvez-vous m'aider ?", ". Que dois-je faire ?", ", c'est normal ?",
      ", quand est-ce que ce sera réglé ?", ". Quelqu'un peut me répondre ?"};
  static final String[] STATEMENT_FR = {". Très déçu.", ". Merci de régler ça.", " !!", ". Toujours aucune réponse.",
      ". Inadmissible."};
  static final String[] GREET_EN = {"Hi", "Hello", "Hey", "", "Dear"};
  static final String[] PROBLEM_EN = {"my order %d still hasn't arrived", "my plan stopped working this morning",
      "the refund you promised isn't on my account", "I can't log in to the app",
      "my %d o'clock train was cancelled without notice", "the delivery is %d days late", "I was charged twice",
      "the parcel arrived damaged", "my card has been blocked for %d days", "the March bill is wrong",
      "your agent hung up on me", "case %d is going nowhere"};
  static final String[] QUESTION_EN = {", can you help?", ". What should I do?", ", is this normal?",
      ", when will this be fixed?", ". Can anyone answer me?"};
  static final String[] STATEMENT_EN = {". Very disappointed.", ". Please sort this out.", "!!",
      ". Still no answer.", ". Unacceptable."};

  static final String[] COMMENT_FR = {"Super idée", "C'est disponible en magasin ?", "Toujours pas de réponse à mon message privé",
      "J'adore", "Et la livraison, c'est pour quand ?", "Trop cher", "Vous livrez en Belgique ?", "Bravo à l'équipe",
      "Ça ouvre à quelle heure ?", "Enfin", "Pourquoi pas à Lille ?", "Génial pour les enfants"};
  static final String[] COMMENT_EN = {"Great idea", "Is it available in store?", "Still no answer to my DM",
      "Love it", "When does delivery start?", "Too expensive", "Do you ship to Ireland?", "Well done team",
      "What time does it open?", "Finally", "Why not in Leeds?", "Great for kids"};
  static final String[] FOLLOWUP_FR = {"Merci pour votre réponse !", "Merci, c'est réglé.", "Toujours rien...",
      "Ok merci", "Message envoyé, merci"};
  static final String[] FOLLOWUP_EN = {"Thanks for your answer!", "Thanks, sorted.", "Still nothing...",
      "Ok thanks", "DM sent, thanks"};

  // Brand answers: a few templates per language (the robot) and free compositions
  static final String[] TEMPLATE_FR = {
      "Bonjour %s, nous sommes désolés pour ce désagrément. Pouvez-vous nous envoyer votre numéro de commande en message privé ? ^%s",
      "Bonjour %s, merci pour votre message. Notre équipe revient vers vous au plus vite. ^%s",
      "%s, nous transmettons votre demande au service concerné. Belle journée ! ^%s"};
  static final String[] TEMPLATE_EN = {
      "Hi %s, we're sorry about this. Could you DM us your order number so we can look into it? ^%s",
      "Hi %s, thanks for your message. Our team will get back to you as soon as possible. ^%s",
      "%s, we've passed your request on to the right team. Have a nice day! ^%s"};
  static final String[] ANSWER_OPEN_FR = {"Bonjour", "Bonsoir", "Hello", "Merci", "Désolés"};
  static final String[] ANSWER_MID_FR = {"je viens de vérifier votre dossier", "le colis part demain matin",
      "le remboursement est validé", "un technicien passe jeudi", "la panne est réparée dans votre secteur",
      "nous avons relancé le transporteur", "votre carte est débloquée", "un geste commercial vous attend",
      "je vous rappelle dans l'heure", "la facture corrigée est en ligne"};
  static final String[] ANSWER_END_FR = {"Bonne soirée !", "Tenez-nous au courant.", "À bientôt.", "Merci de votre patience.",
      ""};
  static final String[] ANSWER_OPEN_EN = {"Hi", "Hello", "Hey", "Thanks", "Sorry"};
  static final String[] ANSWER_MID_EN = {"I've just checked your case", "your parcel leaves tomorrow morning",
      "the refund is approved", "an engineer will visit on Thursday", "the outage in your area is fixed",
      "we've chased the courier", "your card is unblocked", "there's a goodwill credit on your account",
      "I'll call you back within the hour", "the corrected bill is online"};
  static final String[] ANSWER_END_EN = {"Have a good evening!", "Keep us posted.", "Speak soon.",
      "Thanks for your patience.", ""};

  // Public chatter that addresses no brand
  static final String[] CHAT_FR = {"Quelle belle journée à %s", "Premier café de la journée à %s",
      "Quelqu'un connaît un bon restaurant à %s ?", "Embouteillages monstres ce matin à %s",
      "Le marché de %s est magnifique aujourd'hui", "Concert génial hier soir à %s", "Il pleut encore à %s",
      "Balade au bord de l'eau à %s", "Nouvel appartement à %s, enfin", "Match incroyable ce soir à %s"};
  static final String[] CHAT_EN = {"What a lovely day in %s", "First coffee of the day in %s",
      "Anyone know a good restaurant in %s?", "Huge traffic jams this morning in %s",
      "The %s market looks great today", "Amazing gig last night in %s", "Raining again in %s",
      "Walk by the river in %s", "New flat in %s, finally", "Incredible match tonight in %s"};
}
