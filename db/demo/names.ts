/**
 * Name pools for the demo school, grouped by home language so families are coherent.
 * Accents, hyphenated and two-part surnames are deliberate: search must handle them.
 */
export interface NamePool {
  language: string;
  /** Share of families, out of 100. */
  weight: number;
  given: string[];
  family: string[];
}

export const NAME_POOLS: NamePool[] = [
  {
    language: 'en',
    weight: 34,
    given: ['Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Elijah', 'Sophia', 'James', 'Chloé', 'Mason', 'Harper', 'Lucas', 'Zoë', 'Aiden', 'Grace', 'Dominic', 'Naomi', 'Caleb', 'Renée', 'Isaiah'],
    family: ['Smith', "O'Brien", 'Johnson', 'Williams', 'Brown', 'Jackson-Reed', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Thompson', 'MacDonald', 'White', 'Harris', 'Martin', 'Clarke', 'Lewis', 'Robinson', 'Walker', 'Young'],
  },
  {
    language: 'es',
    weight: 30,
    given: ['José', 'María', 'Sofía', 'Mateo', 'Valentina', 'Santiago', 'Camila', 'Sebastián', 'Lucía', 'Diego', 'Ximena', 'Alejandro', 'Ana', 'Joaquín', 'Guadalupe', 'Andrés', 'Inés', 'Ramón', 'Itzel', 'Rubén'],
    family: ['García', 'Hernández', 'López', 'Martínez', 'González', 'Rodríguez', 'Pérez', 'Sánchez', 'Ramírez', 'Núñez', 'García-López', 'De la Cruz', 'Fernández', 'Gómez', 'Díaz', 'Ortiz-Muñoz', 'Vásquez', 'Castillo', 'Jiménez', 'Morales'],
  },
  {
    language: 'vi',
    weight: 9,
    given: ['Minh', 'Anh', 'Linh', 'Huy', 'Thảo', 'Quang', 'Ngọc', 'Tuấn', 'Phương', 'Đức', 'Hương', 'Khoa', 'Mai', 'Bảo', 'Trâm'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ'],
  },
  {
    language: 'so',
    weight: 8,
    given: ['Hodan', 'Abdi', 'Fadumo', 'Mohamed', 'Ayaan', 'Hassan', 'Ifrah', 'Yusuf', 'Sahra', 'Omar', 'Hibo', 'Khadar'],
    family: ['Abdi', 'Mohamed', 'Hassan', 'Warsame', 'Ali', 'Farah', 'Jama', 'Osman', 'Abdullahi', 'Nur'],
  },
  {
    language: 'ar',
    weight: 7,
    given: ['Fatima', 'Ahmad', 'Layla', 'Yousef', 'Mariam', 'Khalil', 'Noor', 'Omar', 'Rania', 'Sami', 'Huda', 'Tariq'],
    family: ['Al-Sayed', 'Haddad', 'Khoury', 'Al-Masri', 'Nassar', 'Saleh', 'Darwish', 'Aziz', 'Mansour', 'El-Amin'],
  },
  {
    language: 'hmn',
    weight: 6,
    given: ['Pa', 'Tou', 'Mai', 'Chue', 'Kia', 'Xeng', 'Nou', 'Fue', 'Yer', 'Teng'],
    family: ['Vang', 'Xiong', 'Yang', 'Lee', 'Thao', 'Moua', 'Her', 'Lor', 'Vue', 'Khang'],
  },
  {
    language: 'zh',
    weight: 4,
    given: ['Wei', 'Xiaoling', 'Jun', 'Mei', 'Hao', 'Yan', 'Jie', 'Lan', 'Zhen', 'Bo'],
    family: ['Chen', 'Li', 'Wang', 'Zhang', 'Liu', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu'],
  },
  {
    language: 'ht',
    weight: 2,
    given: ['Jean', 'Marie', 'Widline', 'Stéphane', 'Fabienne', 'Wesley', 'Nadège', 'Ketly'],
    family: ['Jean-Baptiste', 'Pierre', 'Beauséjour', 'Desrosiers', 'Saint-Fleur', 'Louis', 'Étienne', 'Joseph'],
  },
];

export const STAFF_NAMES: { displayName: string; role: 'front_office' | 'liaison' | 'nurse' | 'administrator' | 'coordinator' | 'teacher' }[] = [
  { displayName: 'Denise Okafor', role: 'front_office' },
  { displayName: 'Marco Villanueva', role: 'front_office' },
  { displayName: 'Rosa Delgado', role: 'liaison' },
  { displayName: 'Pheng Xiong', role: 'coordinator' },
  { displayName: 'Karen Lindqvist', role: 'nurse' },
  { displayName: 'Dr. Alan Brooks', role: 'administrator' },
  { displayName: 'Amina Yusuf', role: 'teacher' },
];

export const SEEING = ['Main office', 'Ms. Alvarez, Room 12', 'Mr. Chen, Room 4', 'Counselor', 'Nurse', 'Principal'];

export const OFFICE_NOTES = {
  not_allowed: [
    'Court order on file: do not release. Call the principal and keep the student in the office.',
    'Protective order in the student file. Do not release; notify the office manager at once.',
  ],
  see_office: [
    'Custody schedule: may pick up on Fridays only. Check the calendar in the office.',
    'Guardian asked to be called before any release to this person.',
  ],
};
