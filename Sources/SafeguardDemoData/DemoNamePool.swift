import Foundation
import SafeguardCore

/// First names and surnames for one name origin. Lists are long enough that a few thousand people
/// produce realistic near-duplicates (two "Mohammed Khan"s, three "Smith"s in one street) — the
/// cases person matching has to get right.
struct DemoNamePool: Sendable {
    let male: [String]
    let female: [String]
    let surnames: [String]

    static let irish = DemoNamePool(
        male: [
            "Sean", "Patrick", "Ciaran", "Declan", "Padraig", "Niall", "Conor", "Eoin", "Cathal", "Darragh",
            "Liam", "Aidan", "Oisin", "Fionn", "Michael", "Kieran",
        ],
        female: [
            "Siobhan", "Aoife", "Niamh", "Ciara", "Roisin", "Sinead", "Orla", "Grainne", "Mairead", "Caoimhe",
            "Saoirse", "Bridget", "Aisling", "Maeve",
        ],
        surnames: [
            "Murphy", "Kelly", "O'Brien", "O'Sullivan", "Byrne", "Ryan", "O'Connor", "Walsh", "McCarthy",
            "Doyle", "Gallagher", "Kavanagh", "Brennan", "Flanagan", "Donnelly", "Fitzgerald", "Maguire",
            "McDonagh", "Connors",
        ])

    static let polish = DemoNamePool(
        male: [
            "Piotr", "Krzysztof", "Tomasz", "Paweł", "Marcin", "Michał", "Łukasz", "Jakub", "Kamil", "Mateusz",
            "Bartosz", "Grzegorz", "Adam", "Dawid", "Szymon", "Filip", "Wojciech", "Aleksander",
        ],
        female: [
            "Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Magdalena", "Monika", "Karolina",
            "Natalia", "Zofia", "Julia", "Maja", "Aleksandra", "Ewelina", "Justyna", "Dorota", "Paulina", "Oliwia",
        ],
        surnames: [
            "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
            "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski",
            "Krawczyk", "Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Wróbel",
        ])

    static let romanian = DemoNamePool(
        male: [
            "Andrei", "Alexandru", "Ion", "Mihai", "Constantin", "Gheorghe", "Florin", "Ionuț", "Adrian",
            "Cristian", "Marius", "Vasile", "Ștefan", "Gabriel", "Bogdan", "Darius",
        ],
        female: [
            "Maria", "Elena", "Ioana", "Andreea", "Mihaela", "Ana", "Alexandra", "Gabriela", "Cristina",
            "Daniela", "Florentina", "Roxana", "Alina", "Larisa", "Bianca", "Denisa",
        ],
        surnames: [
            "Popescu", "Popa", "Ionescu", "Dumitru", "Stan", "Stoica", "Gheorghe", "Rusu", "Munteanu",
            "Matei", "Constantin", "Marin", "Lungu", "Ciobanu", "Dobre", "Niculescu", "Radu", "Tudor",
            "Lăcătuș", "Căldăraru",
        ])

    static let portuguese = DemoNamePool(
        male: [
            "João", "Pedro", "Tiago", "Rui", "Miguel", "Diogo", "Bruno", "Nuno", "Ricardo", "Paulo", "Luís",
            "Gonçalo", "Rodrigo", "Afonso",
        ],
        female: [
            "Ana", "Maria", "Inês", "Beatriz", "Mariana", "Joana", "Sofia", "Catarina", "Rita", "Leonor",
            "Carla", "Sandra", "Patrícia", "Filipa",
        ],
        surnames: [
            "Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa",
            "Fernandes", "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Ribeiro", "Pinto", "Carvalho",
        ])

    static let pakistani = DemoNamePool(
        male: [
            "Mohammed", "Muhammad", "Ali", "Imran", "Asif", "Tariq", "Khalid", "Zubair", "Bilal", "Usman",
            "Hamza", "Adnan", "Faisal", "Shahid", "Zain", "Ibrahim", "Yusuf", "Ayaan", "Rehan", "Arslan",
        ],
        female: [
            "Fatima", "Ayesha", "Zainab", "Maryam", "Amina", "Saima", "Nazia", "Shazia", "Sana", "Hina",
            "Iqra", "Mehwish", "Noor", "Aleena", "Hafsa", "Khadija", "Rukhsana", "Samina", "Anaya", "Inaya",
        ],
        surnames: [
            "Khan", "Hussain", "Ahmed", "Ali", "Akhtar", "Iqbal", "Mahmood", "Shah", "Butt", "Malik",
            "Raja", "Rashid", "Aslam", "Qureshi", "Riaz", "Anwar", "Javed", "Chaudhry", "Sadiq", "Mirza",
        ])

    static let indian = DemoNamePool(
        male: [
            "Rajesh", "Sanjay", "Vijay", "Amit", "Rahul", "Arjun", "Vikram", "Harpreet", "Gurpreet", "Jaspal",
            "Manjit", "Sunil", "Ravi", "Nikhil", "Krish", "Aarav", "Rohan", "Dev", "Hardeep", "Ishaan",
        ],
        female: [
            "Priya", "Anjali", "Sunita", "Kavita", "Neha", "Pooja", "Deepa", "Meera", "Harjit", "Manpreet",
            "Simran", "Jaspreet", "Asha", "Lakshmi", "Nisha", "Anika", "Diya", "Riya", "Shreya", "Aanya",
        ],
        surnames: [
            "Patel", "Sharma", "Singh", "Gill", "Sandhu", "Sidhu", "Mistry", "Shah", "Desai", "Joshi",
            "Mehta", "Kumar", "Gupta", "Chauhan", "Parmar", "Bhatt", "Nair", "Pillai", "Dhillon", "Johal",
        ])

    static let bangladeshi = DemoNamePool(
        male: [
            "Abdul", "Mohammed", "Rahim", "Karim", "Jamal", "Shahid", "Rafiq", "Habib", "Aminul", "Mizanur",
            "Saiful", "Tanvir", "Rayhan", "Ayaan", "Zakaria", "Ibrahim",
        ],
        female: [
            "Nasima", "Rehana", "Shirin", "Fahmida", "Taslima", "Salma", "Rokeya", "Sultana", "Jannat",
            "Tasnim", "Ruksana", "Sabina", "Amira", "Maisha", "Nusrat", "Halima",
        ],
        surnames: [
            "Miah", "Uddin", "Rahman", "Islam", "Ahmed", "Hussain", "Chowdhury", "Ali", "Hoque", "Alam",
            "Bhuiyan", "Sarkar", "Talukder", "Haque", "Karim",
        ])

    static let caribbean = DemoNamePool(
        male: [
            "Marcus", "Leon", "Delroy", "Winston", "Clive", "Errol", "Tyrone", "Jermaine", "Andre", "Dwayne",
            "Marlon", "Everton", "Devon", "Courtney", "Lloyd", "Malachi", "Jaden", "Isaiah",
        ],
        female: [
            "Marcia", "Beverley", "Sharon", "Paulette", "Jacqueline", "Simone", "Keisha", "Tanisha",
            "Shanice", "Chantelle", "Monique", "Janelle", "Jade", "Aaliyah", "Nevaeh", "Amani",
        ],
        surnames: [
            "Campbell", "Brown", "Williams", "Thomas", "Francis", "Grant", "Clarke", "Forbes", "Reid",
            "Henry", "Gayle", "McKenzie", "Bailey", "Samuels", "Powell", "Facey", "Lindo", "Douglas", "Blake",
        ])

    static let nigerian = DemoNamePool(
        male: [
            "Oluwaseun", "Adebayo", "Chukwuemeka", "Olumide", "Tunde", "Femi", "Chinedu", "Obinna", "Ayodele",
            "Kehinde", "Taiwo", "Daniel", "David", "Samuel", "Tobi", "Ifeanyi",
        ],
        female: [
            "Adaeze", "Chiamaka", "Folasade", "Funmilayo", "Ngozi", "Oluwakemi", "Temitope", "Yetunde",
            "Blessing", "Precious", "Grace", "Chioma", "Ifeoma", "Damilola", "Bukola", "Ifeoluwa",
        ],
        surnames: [
            "Adeyemi", "Okafor", "Okonkwo", "Adebayo", "Olawale", "Eze", "Nwosu", "Ogunleye", "Balogun",
            "Afolabi", "Chukwu", "Obi", "Ibekwe", "Adewale", "Bello", "Okoro", "Oladipo",
        ])

    static let ghanaian = DemoNamePool(
        male: [
            "Kwame", "Kofi", "Kwabena", "Kwaku", "Yaw", "Kojo", "Kwesi", "Emmanuel", "Ebenezer", "Nana",
            "Samuel", "Prince",
        ],
        female: [
            "Ama", "Akosua", "Abena", "Afua", "Adwoa", "Efua", "Yaa", "Esi", "Comfort", "Gifty", "Mercy",
            "Akua",
        ],
        surnames: [
            "Mensah", "Asante", "Boateng", "Owusu", "Osei", "Appiah", "Agyeman", "Acheampong", "Darko",
            "Amoah", "Addo", "Ofori", "Asamoah", "Danso", "Badu",
        ])

    static let somali = DemoNamePool(
        male: [
            "Mohamed", "Abdi", "Abdullahi", "Ahmed", "Hassan", "Hussein", "Omar", "Yusuf", "Ismail",
            "Abdirahman", "Mahad", "Liban", "Faisal", "Said", "Bashir",
        ],
        female: [
            "Fadumo", "Hodan", "Amina", "Sahra", "Asha", "Hawa", "Ifrah", "Nasra", "Deeqa", "Ayan", "Hibo",
            "Sagal", "Ubah", "Khadra", "Muna",
        ],
        surnames: [
            "Mohamed", "Ali", "Hassan", "Abdi", "Farah", "Hussein", "Warsame", "Osman", "Jama", "Elmi",
            "Omar", "Adan", "Yusuf", "Noor", "Abdullahi", "Ismail", "Guled", "Mohamud",
        ])

    static let chinese = DemoNamePool(
        male: [
            "Wei", "Jun", "Hao", "Ming", "Lei", "Jian", "Tao", "Yong", "Bo", "Zhi", "Ka Ho", "Chi Wai", "Kevin",
            "Jason",
        ],
        female: [
            "Mei", "Xiu", "Ying", "Lin", "Hui", "Jing", "Fang", "Yan", "Xin", "Hoi Yan", "Wing", "Mandy",
            "Amy", "Grace",
        ],
        surnames: [
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Lam", "Wong",
            "Chan", "Cheung", "Leung", "Ng", "Tang", "Ho",
        ])

    static let turkish = DemoNamePool(
        male: [
            "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Emre", "Murat", "Burak", "Can",
            "Kemal", "Yusuf", "Kerem", "Arda", "Deniz",
        ],
        female: [
            "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Merve", "Esra", "Büşra", "Derya", "Gül",
            "Selin", "Ece", "Defne", "Yasemin",
        ],
        surnames: [
            "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir", "Arslan",
            "Doğan", "Kılıç", "Aslan", "Çetin", "Kurt", "Koç",
        ])

    static let arab = DemoNamePool(
        male: [
            "Ahmad", "Omar", "Khaled", "Mahmoud", "Yasser", "Samer", "Tarek", "Fadi", "Hussam", "Karim", "Adam",
            "Yousef", "Ammar", "Rami",
        ],
        female: [
            "Rana", "Layla", "Noor", "Huda", "Rasha", "Lina", "Mariam", "Reem", "Dima", "Salma", "Yasmin",
            "Hala", "Aya", "Sara",
        ],
        surnames: [
            "Al-Hassan", "Al-Khatib", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Hamdan", "Darwish",
            "Abboud", "Al-Masri", "Ibrahim", "Hamad", "Suleiman",
        ])
}
