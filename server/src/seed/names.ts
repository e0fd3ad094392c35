/**
 * Name material for the fictitious demo persons. Combinations are random; no entry is meant to be a real person.
 * "Thomas" is left out on purpose: with "Müller" it would give the name of a real person quoted in the press release.
 */

// biome-ignore format: a compact word list
export const FEMALE_FIRST_NAMES = [
  'Andrea', 'Angelika', 'Anja', 'Anna', 'Annegret', 'Antje', 'Bärbel', 'Beate', 'Birgit', 'Carolin', 'Christiane',
  'Christin', 'Claudia', 'Constanze', 'Corinna', 'Daniela', 'Doreen', 'Dörte', 'Elke', 'Franziska', 'Gabriele', 'Grit',
  'Hannelore', 'Heike', 'Henriette', 'Ines', 'Jana', 'Janine', 'Josephine', 'Julia', 'Karin', 'Käthe', 'Katja',
  'Katrin', 'Kerstin', 'Kristin', 'Laura', 'Lea', 'Lena', 'Lisa', 'Maike', 'Mandy', 'Manuela', 'Maren', 'Marlene',
  'Martina', 'Melanie', 'Miriam', 'Monika', 'Nadine', 'Nicole', 'Petra', 'Ramona', 'Renate', 'Sabine', 'Sandra',
  'Silke', 'Simone', 'Solveig', 'Sophie', 'Stefanie', 'Susann', 'Sylvia', 'Tanja', 'Uta', 'Ute', 'Yvonne',
] as const;

// biome-ignore format: a compact word list
export const MALE_FIRST_NAMES = [
  'Alexander', 'André', 'Axel', 'Benedikt', 'Bernd', 'Björn', 'Carsten', 'Christian', 'Daniel', 'Dirk', 'Enrico',
  'Falk', 'Felix', 'Florian', 'Georg', 'Gerd', 'Günter', 'Hagen', 'Hans-Jürgen', 'Heiko', 'Hendrik', 'Holger', 'Ingo',
  'Jan', 'Jens', 'Jonas', 'Jörg', 'Jürgen', 'Kai', 'Karsten', 'Klaus', 'Lars', 'Lukas', 'Lutz', 'Maik', 'Marcel',
  'Marco', 'Markus', 'Martin', 'Matthias', 'Maximilian', 'Mirko', 'Nico', 'Olaf', 'Patrick', 'Paul', 'Peter',
  'Philipp', 'Rainer', 'Ralf', 'René', 'Robert', 'Roland', 'Rüdiger', 'Sebastian', 'Silvio', 'Sören', 'Steffen',
  'Stefan', 'Sven', 'Tilo', 'Tim', 'Torsten', 'Ulf', 'Uwe', 'Volker', 'Wolfgang',
] as const;

/** For the few persons stored without a salutation. */
export const NEUTRAL_FIRST_NAMES = ['Alex', 'Eike', 'Jona', 'Kim', 'Luca', 'Robin', 'Sascha', 'Toni'] as const;

// biome-ignore format: a compact word list
export const LAST_NAMES = [
  'Albrecht', 'Arnold', 'Bachmann', 'Bauer', 'Baumann', 'Beck', 'Becker', 'Berger', 'Bergmann', 'Böhm', 'Brandt',
  'Braun', 'Bräutigam', 'Büttner', 'Dietrich', 'Dittmar', 'Döring', 'Eckardt', 'Eichhorn', 'Engel', 'Ernst', 'Fiedler',
  'Fischer', 'Franke', 'Frey', 'Friedrich', 'Fröhlich', 'Fuchs', 'Fuß', 'Gärtner', 'Geißler', 'Glöckner', 'Göbel',
  'Götze', 'Graf', 'Groß', 'Große', 'Günther', 'Haase', 'Hahn', 'Hartmann', 'Häßler', 'Heinrich', 'Heinze', 'Herrmann',
  'Heß', 'Hoffmann', 'Hofmann', 'Horn', 'Hübner', 'Jäger', 'Jahn', 'John', 'Kaiser', 'Kästner', 'Keller', 'Kirchner',
  'Klein', 'Knoll', 'Koch', 'Köhler', 'König', 'Kötteritzsch', 'Kraft', 'Kraus', 'Krause', 'Krüger', 'Kühn', 'Kunze',
  'Lange', 'Lehmann', 'Leonhardt', 'Lindner', 'Löffler', 'Lorenz', 'Ludwig', 'Lux', 'Mäder', 'Maier', 'Marx', 'Mayer',
  'Meißner', 'Meyer', 'Möbius', 'Möller', 'Müller', 'Nagel', 'Neubert', 'Neumann', 'Nitzsche', 'Nößler', 'Nötzold',
  'Otto', 'Päßler', 'Pätzold', 'Peters', 'Pfeiffer', 'Pohl', 'Preuß', 'Quaas', 'Rau', 'Reichel', 'Reinhardt', 'Richter',
  'Riedel', 'Ritter', 'Rößler', 'Roth', 'Rudolph', 'Rühl', 'Sauer', 'Schäfer', 'Scheffler', 'Schilling', 'Schmid',
  'Schmidt', 'Schneider', 'Scholz', 'Schönfeld', 'Schramm', 'Schröder', 'Schubert', 'Schulz', 'Schulze', 'Schumann',
  'Schütze', 'Schwarz', 'Seidel', 'Seifert', 'Sommer', 'Springer', 'Stark', 'Stein', 'Steinbach', 'Stöckel', 'Strauß',
  'Thiele', 'Thümmler', 'Tröger', 'Ullrich', 'Vogel', 'Vogt', 'Voigt', 'Voß', 'Wächter', 'Wagner', 'Walter', 'Weber',
  'Wehner', 'Weiß', 'Wendt', 'Werner', 'Wiegand', 'Winkler', 'Wolf', 'Wolff', 'Zimmermann', 'Zöllner', 'Zschäbitz',
] as const;
