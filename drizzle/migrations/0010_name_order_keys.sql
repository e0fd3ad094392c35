-- Sort keys in German order (DIN 5007-1, see sortKey in shared/src/normalize.ts), computed by the application function
-- anett_sort_key: kept by triggers so that no write path can forget them, stored so that sorting a search result does
-- not call back into JavaScript for every row.
UPDATE persons SET sort_key = anett_sort_key(last_name || ' ' || first_name);
--> statement-breakpoint
UPDATE organizations SET sort_key = anett_sort_key(name);
--> statement-breakpoint
CREATE TRIGGER persons_sort_ai AFTER INSERT ON persons BEGIN
  UPDATE persons SET sort_key = anett_sort_key(new.last_name || ' ' || new.first_name) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER persons_sort_au AFTER UPDATE OF first_name, last_name ON persons BEGIN
  UPDATE persons SET sort_key = anett_sort_key(new.last_name || ' ' || new.first_name) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_sort_ai AFTER INSERT ON organizations BEGIN
  UPDATE organizations SET sort_key = anett_sort_key(new.name) WHERE id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER organizations_sort_au AFTER UPDATE OF name ON organizations BEGIN
  UPDATE organizations SET sort_key = anett_sort_key(new.name) WHERE id = new.id;
END;
