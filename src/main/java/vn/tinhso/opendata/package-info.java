/**
 * Open data (dữ liệu mở): the dataset catalogue of the province's open data portal, with publishers
 * (agencies), domains, licences, resources, versions and quality scores; the portal pages; the CKAN
 * Action API ({@code /api/3/action/*}) and DCAT-AP 3 exports. Decree 47/2020/NĐ-CP and the Data Law
 * (60/2024/QH15) set the rules (docs/opendata.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open data",
        allowedDependencies = {"shared", "units", "identity", "files"})
package vn.tinhso.opendata;
